package io.nearcast.app.campaign;

import io.micronaut.serde.annotation.Serdeable;
import io.nearcast.campaign.domain.Campaign;
import io.nearcast.campaign.domain.Journey;
import io.nearcast.campaign.domain.Localized;
import io.nearcast.campaign.domain.Offer;
import io.nearcast.campaign.domain.Variant;

/**
 * An offer on {@code nearcast/v1/shoppers/{shopperId}/offers} (CONTRACT §3), in the shopper's
 * language (their preference; otherwise the campaign's German text, or its English one).
 *
 * @param url       the offer's landing page ({@code <public URL>/o/{offerId}}; visiting it counts as opened)
 * @param expiresAt ISO-8601 UTC
 */
@Serdeable
public record OfferMessage(String offerId, String campaignId, String title, String body, String url, String expiresAt) {

    public static OfferMessage of(Offer offer, Campaign campaign, Journey journey, String publicBase) {
        Variant variant = campaign.variant(offer.variant());
        Localized.Language language = journey.language().orElse(Localized.Language.DE);
        return new OfferMessage(offer.id(), offer.campaignId(), variant.title().in(language), variant.body().in(language),
                publicBase + "/o/" + offer.id(), offer.expiresAt().toString());
    }
}
