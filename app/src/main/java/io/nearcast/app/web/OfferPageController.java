package io.nearcast.app.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.nearcast.app.campaign.CampaignService;
import io.nearcast.campaign.domain.Campaign;
import io.nearcast.campaign.domain.Localized;
import io.nearcast.campaign.domain.Offer;
import io.nearcast.campaign.domain.Variant;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code GET /o/{offerId}}: the page an offer links to — server-rendered, mobile-first, German or
 * English by {@code Accept-Language}, no script and no request to anyone else (the
 * Content-Security-Policy allows only its own inline style, by hash). The first visit by a person
 * counts as the offer opened; link-preview bots are answered but not counted. The offer id in
 * the link is the capability: no token.
 */
@Controller("/o")
final class OfferPageController {

    private static final Pattern BOTS = Pattern.compile("(?i).*(bot|crawler|spider|preview|facebookexternalhit|whatsapp|slack|telegram|discord|embedly).*");
    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:0;padding:1.5rem;max-width:36rem;line-height:1.5;color:#1a1a1a;background:#fff}"
            + "h1{font-size:1.5rem;margin:0 0 .75rem}.code{font-family:monospace;font-size:1.1rem;padding:.5rem;border:2px dashed #555;display:inline-block}"
            + ".note{color:#444;font-size:.9rem}";
    private static final String CSP = "default-src 'none'; style-src 'sha256-" + sha256(STYLE) + "'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final CampaignService campaigns;

    OfferPageController(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Get(value = "/{offerId}", produces = MediaType.TEXT_HTML)
    HttpResponse<String> page(@PathVariable String offerId, @Nullable @Header(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
                              @Nullable @Header(HttpHeaders.USER_AGENT) String userAgent) {
        Localized.Language language = Languages.preferred(acceptLanguage);
        boolean person = userAgent == null || !BOTS.matcher(userAgent).matches();
        Optional<Offer> offer = person ? campaigns.offers().open(offerId) : campaigns.ledger().find(offerId);
        Optional<Campaign> campaign = offer.flatMap(o -> campaigns.campaigns().find(o.campaignId()));
        if (offer.isEmpty() || campaign.isEmpty()) {
            return html(HttpStatus.NOT_FOUND, language, language == Localized.Language.DE ? "Angebot nicht gefunden" : "Offer not found",
                    "<h1>" + (language == Localized.Language.DE ? "Dieses Angebot gibt es nicht." : "This offer does not exist.") + "</h1>");
        }
        return html(HttpStatus.OK, language, campaign.get().variant(offer.get().variant()).title().in(language), content(offer.get(), campaign.get(), language));
    }

    private static String content(Offer offer, Campaign campaign, Localized.Language language) {
        Variant variant = campaign.variant(offer.variant());
        boolean de = language == Localized.Language.DE;
        String text = variant.landing().orElse(variant.body()).in(language);
        StringBuilder html = new StringBuilder();
        html.append("<h1>").append(escape(variant.title().in(language))).append("</h1>");
        for (String paragraph : text.split("\\n\\s*\\n")) {
            html.append("<p>").append(escape(paragraph.strip())).append("</p>");
        }
        String status = switch (offer.status()) {
            case DELIVERED, OPENED -> offer.isExpiredAt(java.time.Instant.now())
                    ? (de ? "Dieses Angebot ist abgelaufen." : "This offer has expired.")
                    : (de ? "Zeigen Sie diesen Code an der Kasse. Gültig bis " : "Show this code at the till. Valid until ") + TIME.format(offer.expiresAt()) + ".";
            case REDEEMED -> de ? "Dieses Angebot wurde eingelöst. Danke!" : "This offer was redeemed. Thank you!";
            case DISMISSED -> de ? "Sie haben dieses Angebot ausgeblendet." : "You dismissed this offer.";
            case EXPIRED -> de ? "Dieses Angebot ist abgelaufen." : "This offer has expired.";
        };
        if (offer.status().isOpen() && !offer.isExpiredAt(java.time.Instant.now())) {
            html.append("<p class=\"code\">").append(escape(offer.id())).append("</p>");
        }
        html.append("<p class=\"note\">").append(escape(status)).append("</p>");
        return html.toString();
    }

    private static HttpResponse<String> html(HttpStatus status, Localized.Language language, String title, String body) {
        String page = "<!doctype html><html lang=\"" + language.tag() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>" + escape(title) + "</title>"
                + "<style>" + STYLE + "</style></head><body>" + body + "</body></html>";
        return HttpResponse.<String>status(status).body(page).contentType(MediaType.TEXT_HTML_TYPE.getName() + ";charset=utf-8")
                .header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
