package io.nearcast.app.campaign;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.nearcast.app.mqtt.ConfirmedPublisher;
import io.nearcast.campaign.domain.OccasionHandler;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToDoubleFunction;

/** The campaign service's counters as Prometheus metrics ({@code nearcast_campaign_*}); no ids in any meter. */
public final class CampaignMeters {

    private CampaignMeters() {
    }

    public static void bind(MeterRegistry meters, CampaignService campaigns) {
        OccasionHandler.Counters c = campaigns.occasions().counters();
        adder(meters, "nearcast.campaign.occasions.without.consent", "occasions of shoppers without location and personalisation consent (nothing kept)", c.withoutConsent);
        adder(meters, "nearcast.campaign.occasions.unreached", "occasions that reached no active campaign (no decision recorded)", c.unreached);
        adder(meters, "nearcast.campaign.decisions", "decisions made and recorded with their explanation", c.decisions);
        adder(meters, "nearcast.campaign.offers", "offers made (recorded, then handed to the publisher)", c.offers);
        ShopperLanes lanes = campaigns.lanes();
        counter(meters, "nearcast.campaign.occasions.rejected", "occasions turned away because the decision queue was full", lanes, ShopperLanes::rejected);
        counter(meters, "nearcast.campaign.occasions.failed", "occasions whose decision failed (e.g. the database refused)", lanes, ShopperLanes::failed);
        Gauge.builder("nearcast.campaign.occasions.queue", lanes, ShopperLanes::queued).description("occasions waiting for a decision").register(meters);
        ConfirmedPublisher<?> publisher = campaigns.publisher();
        counter(meters, "nearcast.campaign.offers.published", "offers the broker confirmed on nearcast/v1/shoppers/{id}/offers", publisher, ConfirmedPublisher::published);
        counter(meters, "nearcast.campaign.offers.publish.failed", "offers the broker did not confirm after every attempt", publisher, ConfirmedPublisher::failed);
        counter(meters, "nearcast.campaign.offers.publish.dropped", "offers the full publish queue turned away (recorded, not sent)", publisher, ConfirmedPublisher::dropped);
        MqttContextFeed feed = campaigns.contextFeed();
        counter(meters, "nearcast.campaign.context.readings", "context readings taken from nearcast/v1/context/{storeId}", feed, MqttContextFeed::accepted);
        feed.rejections().forEach((reason, count) -> FunctionCounter.builder("nearcast.campaign.context.rejected", count, java.util.concurrent.atomic.AtomicLong::get)
                .tag("reason", reason).description("context messages refused, by reason").register(meters));
        Gauge.builder("nearcast.campaign.active", campaigns, s -> s.catalog().size()).description("active campaigns in the catalog").register(meters);
        Gauge.builder("nearcast.campaign.dwell.timers", campaigns, s -> s.timers().size()).description("visits waiting for a campaign dwell time").register(meters);
    }

    private static void adder(MeterRegistry meters, String name, String description, LongAdder adder) {
        counter(meters, name, description, adder, LongAdder::sum);
    }

    private static <T> void counter(MeterRegistry meters, String name, String description, T source, ToDoubleFunction<T> value) {
        FunctionCounter.builder(name, source, value).description(description).register(meters);
    }
}
