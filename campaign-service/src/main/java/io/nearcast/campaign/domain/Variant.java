package io.nearcast.campaign.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * One version of a campaign's content; the bandit learns which one shoppers redeem.
 *
 * @param index    0-based position in the campaign, stable for the campaign's life
 * @param landing  the landing page's text; empty: the body
 * @param imageUrl an https URL
 */
public record Variant(int index, Localized title, Localized body, Optional<Localized> landing, Optional<String> imageUrl) {

    public Variant {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(landing, "landing");
        Objects.requireNonNull(imageUrl, "imageUrl");
        if (index < 0 || index >= Campaign.MAX_VARIANTS) {
            throw new IllegalArgumentException("variant index out of range: " + index);
        }
    }
}
