package io.nearcast.app.web;

import io.nearcast.campaign.domain.Localized;
import java.util.Locale;

/** Picks German or English from an {@code Accept-Language} header (RFC 9110 §12.5.4): the highest q among de and en; ties go to the first listed; neither: German. */
final class Languages {

    private Languages() {
    }

    static Localized.Language preferred(String header) {
        if (header == null || header.isBlank()) {
            return Localized.Language.DE;
        }
        Localized.Language best = null;
        double bestQ = 0;
        for (String part : header.split(",", 32)) {
            String[] pieces = part.trim().split(";");
            String tag = pieces[0].trim().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < pieces.length; i++) {
                String parameter = pieces[i].trim();
                if (parameter.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            String primary = tag.split("-", 2)[0];
            Localized.Language language = Localized.Language.ofTag(primary).orElse(null);
            if (language != null && q > bestQ) {
                best = language;
                bestQ = q;
            }
        }
        return best == null ? Localized.Language.DE : best;
    }
}
