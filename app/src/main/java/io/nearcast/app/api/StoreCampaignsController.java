package io.nearcast.app.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import io.nearcast.app.campaign.CampaignService;
import io.nearcast.app.campaign.ContextMessage;
import io.nearcast.campaign.domain.ContextReading;
import io.nearcast.campaign.domain.JourneySignal;
import io.nearcast.kernel.domain.InvalidField;
import io.nearcast.kernel.domain.NotFound;
import io.nearcast.registry.domain.Stores;
import java.time.Clock;
import java.time.Instant;

/**
 * The campaign side of a store (staff of the store, admins): its context feed (weather and
 * temperature; the last reading counts), its latest decisions with their explanations, and
 * purchase signals from the till, which move a consenting shopper's journey to purchased.
 */
@Controller("/api/v1/stores/{storeId}")
final class StoreCampaignsController {


    private final Stores stores;
    private final CampaignService campaigns;
    private final Clock clock = Clock.systemUTC();

    StoreCampaignsController(Stores stores, CampaignService campaigns) {
        this.stores = stores;
        this.campaigns = campaigns;
    }

    /** The same reading as on {@code nearcast/v1/context/{storeId}}; an older one than the current is kept but does not replace it. */
    @Put("/context")
    ContextBody postContext(HttpRequest<?> request, @PathVariable String storeId, @Body ContextMessage body) {
        String store = stores.get(Callers.of(request), storeId).id().value();
        ContextReading reading = body.toReading(store, clock.instant());
        campaigns.postContext(reading);
        return ContextBody.of(campaigns.context().current(store).orElse(reading));
    }

    @Get("/context")
    ContextBody context(HttpRequest<?> request, @PathVariable String storeId) {
        String store = stores.get(Callers.of(request), storeId).id().value();
        return ContextBody.of(campaigns.context().current(store).orElseThrow(() -> new NotFound("context reading of the store")));
    }

    @Get("/decisions")
    Paging.PageBody<OffersController.DecisionBody> decisions(HttpRequest<?> request, @PathVariable String storeId, @Nullable @QueryValue String page,
                                                             @Nullable @QueryValue String size) {
        String store = stores.get(Callers.of(request), storeId).id().value();
        return Paging.body(campaigns.decisions().ofStore(store, Paging.request(page, size)).map(OffersController.DecisionBody::of));
    }

    /** A purchase at the till; with the shopper's consent their journey moves to purchased. Always 202: whether the shopper consented is not told. */
    @Post("/purchases")
    HttpResponse<Void> purchase(HttpRequest<?> request, @PathVariable String storeId, @Body PurchaseRequest body) {
        stores.get(Callers.of(request), storeId);
        if (body.shopperId() == null || body.shopperId().isBlank()) {
            throw new InvalidField("shopperId", "is required");
        }
        if (io.nearcast.privacy.domain.ShopperId.parse(body.shopperId()).isEmpty()) {
            throw new InvalidField("shopperId", "is not a shopper id");
        }
        campaigns.occasions().signal(body.shopperId(), JourneySignal.PURCHASE);
        return HttpResponse.accepted();
    }

    @Serdeable
    record ContextBody(String storeId, String weather, double temperatureC, Instant at) {
        static ContextBody of(ContextReading reading) {
            return new ContextBody(reading.storeId(), reading.weather(), reading.temperatureC(), reading.at());
        }
    }

    @Serdeable
    record PurchaseRequest(@Nullable String shopperId, @Nullable String gtin) {
    }

}
