package io.nearcast.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import io.nearcast.app.campaign.CampaignService;
import io.nearcast.app.campaign.OfferMessage;
import io.nearcast.campaign.domain.Offer;
import io.nearcast.kernel.domain.Caller;
import io.nearcast.kernel.domain.NotFound;
import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * {@code GET /api/v1/shoppers/{shopperId}/offers}: the shopper's own offers, newest first, so an
 * app that was offline when an offer was published (or reinstalled) still finds it. The
 * shopper's token only (anyone else: 404); {@code ?open=true} lists only offers still redeemable.
 */
@Controller("/api/v1/shoppers/{shopperId}/offers")
final class ShopperOffersController {

    private final CampaignService campaigns;

    ShopperOffersController(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Get
    Paging.PageBody<OwnOffer> list(HttpRequest<?> request, @PathVariable String shopperId, @Nullable @QueryValue String open,
                                   @Nullable @QueryValue String page, @Nullable @QueryValue String size) {
        Caller caller = Callers.of(request);
        if (!caller.isShopper(shopperId)) {
            throw new NotFound("shopper");
        }
        PageRequest pageRequest = Paging.request(page, size);
        if (open != null && !open.equals("true") && !open.equals("false")) {
            throw new io.nearcast.kernel.domain.InvalidField("open", "must be true or false, got " + open);
        }
        boolean onlyOpen = "true".equals(open);
        Instant now = Instant.now();
        List<Offer> offers = campaigns.ledger().ofShopper(shopperId).stream()
                .filter(offer -> !onlyOpen || offer.status().isOpen() && !offer.isExpiredAt(now))
                .sorted(Comparator.comparing(Offer::deliveredAt).reversed()).toList();
        int from = (int) Math.min(offers.size(), pageRequest.offset());
        List<OwnOffer> items = offers.subList(from, Math.min(offers.size(), from + pageRequest.size())).stream()
                .map(offer -> OwnOffer.of(offer, campaigns.message(offer).orElse(null))).toList();
        return Paging.body(Page.of(items, pageRequest, offers.size()));
    }

    /** One offer as its shopper sees it: the texts of its message (in their language) and its state. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record OwnOffer(String offerId, String campaignId, String storeId, @Nullable String title, @Nullable String body, @Nullable String url, String status,
                    Instant deliveredAt, Instant expiresAt, @Nullable Instant openedAt, @Nullable Instant closedAt) {
        /** @param message {@code null} when the campaign is gone (no texts then) */
        static OwnOffer of(Offer offer, @Nullable OfferMessage message) {
            return new OwnOffer(offer.id(), offer.campaignId(), offer.storeId(), message == null ? null : message.title(),
                    message == null ? null : message.body(), message == null ? null : message.url(), offer.status().wireName(), offer.deliveredAt(),
                    offer.expiresAt(), offer.openedAt().orElse(null), offer.closedAt().orElse(null));
        }
    }
}
