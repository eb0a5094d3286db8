package io.nearcast.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import io.nearcast.app.campaign.CampaignService;
import io.nearcast.campaign.domain.Decision;
import io.nearcast.campaign.domain.Offer;
import io.nearcast.campaign.domain.Verdict;
import java.time.Instant;
import java.util.List;

/**
 * {@code /api/v1/offers/{offerId}}: an offer as staff of its store (and the shopper it was made
 * to) see it, with the explanation of the decision that made it; redemption at the till (staff
 * or POS token of the store: once; 409 when already redeemed, dismissed or expired; 404 for
 * another store's offer) and dismissal by the shopper.
 */
@Controller("/api/v1/offers/{offerId}")
final class OffersController {

    private final CampaignService campaigns;

    OffersController(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Get
    OfferBody get(HttpRequest<?> request, @PathVariable String offerId) {
        return body(campaigns.offers().get(Callers.of(request), offerId));
    }

    @Post("/redeem")
    OfferBody redeem(HttpRequest<?> request, @PathVariable String offerId) {
        return body(campaigns.offers().redeem(Callers.of(request), offerId));
    }

    @Post("/dismiss")
    OfferBody dismiss(HttpRequest<?> request, @PathVariable String offerId) {
        return body(campaigns.offers().dismiss(Callers.of(request), offerId));
    }

    private OfferBody body(Offer offer) {
        DecisionBody decision = campaigns.decisions().find(offer.decisionId()).map(DecisionBody::of).orElse(null);
        return new OfferBody(offer.id(), offer.campaignId(), offer.variant(), offer.shopperId(), offer.storeId(), offer.zoneId().orElse(null),
                offer.status().wireName(), offer.deliveredAt(), offer.expiresAt(), offer.openedAt().orElse(null), offer.closedAt().orElse(null), decision);
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record OfferBody(String id, String campaignId, int variant, String shopperId, String storeId, @Nullable String zoneId, String status,
                     Instant deliveredAt, Instant expiresAt, @Nullable Instant openedAt, @Nullable Instant closedAt, @Nullable DecisionBody decision) {
    }

    /** @param verdict {@code chosen}, or the rule that blocked the campaign */
    @Serdeable
    record VerdictBody(String campaignId, String verdict) {
        static VerdictBody of(Verdict verdict) {
            return new VerdictBody(verdict.campaignId(), verdict.blocked().map(reason -> reason.wireName()).orElse("chosen"));
        }
    }

    /** @param unlisted campaigns the trigger also reached, beyond the listed ones */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record DecisionBody(String id, String shopperId, String storeId, @Nullable String zoneId, String trigger, Instant at, List<VerdictBody> verdicts,
                        int unlisted, @Nullable String offerId) {
        static DecisionBody of(Decision decision) {
            return new DecisionBody(decision.id(), decision.shopperId(), decision.storeId(), decision.zoneId().orElse(null), decision.trigger().wireName(),
                    decision.at(), decision.verdicts().stream().map(VerdictBody::of).toList(), decision.unlisted(), decision.offerId().orElse(null));
        }
    }
}
