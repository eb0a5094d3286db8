package io.nearcast.app.campaign;

import io.micronaut.json.JsonMapper;
import io.nearcast.app.ingest.MqttIngestSettings;
import io.nearcast.app.mqtt.ConfirmedPublisher;
import io.nearcast.campaign.domain.CampaignCatalog;
import io.nearcast.campaign.domain.CampaignStats;
import io.nearcast.campaign.domain.Campaigns;
import io.nearcast.campaign.domain.ContextBoard;
import io.nearcast.campaign.domain.DecisionEngine;
import io.nearcast.campaign.domain.DecisionLog;
import io.nearcast.campaign.domain.DwellTimers;
import io.nearcast.campaign.domain.Journeys;
import io.nearcast.campaign.domain.Occasion;
import io.nearcast.campaign.domain.OccasionHandler;
import io.nearcast.campaign.domain.Offer;
import io.nearcast.campaign.domain.OfferLedger;
import io.nearcast.campaign.domain.OfferLifecycle;
import io.nearcast.campaign.domain.RespectRules;
import io.nearcast.campaign.domain.StoreDirectory;
import io.nearcast.campaign.domain.StoreVisits;
import io.nearcast.campaign.domain.Tallies;
import io.nearcast.campaign.domain.VariantChooser;
import io.nearcast.campaign.jdbc.JdbcCampaignRepository;
import io.nearcast.campaign.jdbc.JdbcCampaignStats;
import io.nearcast.campaign.jdbc.JdbcDecisionLog;
import io.nearcast.campaign.jdbc.JdbcJourneys;
import io.nearcast.campaign.jdbc.JdbcOfferLedger;
import io.nearcast.campaign.privacy.CampaignRecords;
import io.nearcast.geofence.domain.ZoneEvent;
import io.nearcast.kernel.domain.Topic;
import io.nearcast.privacy.domain.ProcessingPolicy;
import io.nearcast.privacy.domain.Purpose;
import io.nearcast.privacy.domain.ShopperId;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The campaign service in the all-in-one server: campaigns, offers, decisions, journeys and
 * statistics on the server's database; zone events from the geofence service (and, with issue 8,
 * taps and scans) decided on {@link ShopperLanes}; offers published at QoS 1 to
 * {@code nearcast/v1/shoppers/{shopperId}/offers}. Every second the campaign dwell timers run,
 * every 30 s expired offers close, every minute the catalog is rebuilt (changes made by other
 * instances) and ended store visits are dropped.
 */
public final class CampaignService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CampaignService.class);
    private static final int LANES = 2;
    private static final int LANE_CAPACITY = 20_000;
    private static final int PUBLISH_QUEUE = 50_000;

    /** Milliseconds: what every database keeps, so what an answer shows equals every later read. */
    private final Clock clock = Clock.tick(Clock.systemUTC(), java.time.Duration.ofMillis(1));
    private final CampaignCatalog catalog = new CampaignCatalog();
    private final ContextBoard context = new ContextBoard();
    private final DwellTimers timers = new DwellTimers();
    private final StoreVisits visits;
    private final OfferLedger offers;
    private final DecisionLog decisions;
    private final Journeys journeys;
    private final CampaignStats stats;
    private final Tallies tallies;
    private final Campaigns campaigns;
    private final OccasionHandler occasions;
    private final OfferLifecycle lifecycle;
    private final ProcessingPolicy policy;
    private final ShopperLanes lanes = new ShopperLanes(LANES, LANE_CAPACITY);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "nearcast-campaign-timers");
        thread.setDaemon(true);
        return thread;
    });
    private volatile ConfirmedPublisher<Delivery> publisher;
    private volatile Supplier<String> publicBase = () -> "http://localhost";
    private volatile ConfirmedPublisher.Publisher mqtt;
    private volatile JsonMapper json;
    private volatile MqttContextFeed contextFeed;

    private record Delivery(Offer offer, io.nearcast.campaign.domain.Campaign campaign, io.nearcast.campaign.domain.Journey journey) {
    }

    public CampaignService(RespectRules rules, double exploration, StoreDirectory stores, ProcessingPolicy policy, DataSource dataSource) {
        this.policy = policy;
        this.visits = new StoreVisits(rules.visitGap());
        this.offers = new JdbcOfferLedger(dataSource);
        this.decisions = new JdbcDecisionLog(dataSource);
        this.journeys = new JdbcJourneys(dataSource);
        this.stats = new JdbcCampaignStats(dataSource);
        this.tallies = new Tallies(stats);
        SecureRandom random = new SecureRandom();
        Supplier<String> campaignIds = () -> "cmp_" + token(random);
        Supplier<String> tokens = () -> token(random);
        this.campaigns = new Campaigns(new JdbcCampaignRepository(dataSource), stores, catalog, tallies, rules, campaignIds, clock);
        DecisionEngine engine = new DecisionEngine(rules, context, tallies, new VariantChooser(exploration, ThreadLocalRandom::current), tokens);
        this.occasions = new OccasionHandler(this::consents, catalog, engine, visits, journeys, offers, decisions, tallies,
                (offer, campaign, journey) -> deliver(new Delivery(offer, campaign, journey)), clock);
        this.lifecycle = new OfferLifecycle(offers, tallies, occasions, clock);
    }

    /** 22 URL-safe characters of 128 random bits. */
    private static String token(SecureRandom random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Loads campaigns and statistics, starts the publisher and the timers.
     *
     * @param mqtt       publishes at QoS 1 ({@code MqttLink::publish})
     * @param publicBase the public base URL of landing pages (known once HTTP is up)
     */
    public void start(ConfirmedPublisher.Publisher mqtt, MqttIngestSettings login, JsonMapper json, Supplier<String> publicBase) {
        this.publicBase = publicBase;
        this.mqtt = mqtt;
        this.json = json;
        MqttContextFeed feed = new MqttContextFeed(login, context, json);
        try {
            feed.start();
        } catch (org.eclipse.paho.mqttv5.common.MqttException e) {
            throw new IllegalStateException("the context feed could not subscribe to " + Topic.STORE_CONTEXT.subscriptionFilter() + ": " + e.getMessage(), e);
        }
        contextFeed = feed;
        campaigns.start();
        LOG.info("Campaign catalog: {} active campaigns", catalog.size());
        ConfirmedPublisher<Delivery> offersOut = new ConfirmedPublisher<>(mqtt, delivery -> new ConfirmedPublisher.Message(
                Topic.SHOPPER_OFFERS.format(delivery.offer().shopperId()),
                json.writeValueAsBytes(OfferMessage.of(delivery.offer(), delivery.campaign(), delivery.journey(), this.publicBase.get()))),
                PUBLISH_QUEUE, "offers", "nearcast-offers");
        offersOut.start();
        publisher = offersOut;
        scheduler.scheduleWithFixedDelay(() -> guarded("dwell timers", this::runDwellTimers), 1, 1, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(() -> guarded("offer expiry", lifecycle::expire), 30, 30, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(() -> guarded("catalog rebuild", () -> {
            campaigns.rebuild();
            visits.sweep(clock.instant());
        }), 60, 60, TimeUnit.SECONDS);
    }

    /** The geofence service hands every zone event here (in-process); returns at once. */
    public void onZoneEvent(ZoneEvent event) {
        Occasion occasion = ZoneOccasions.of(event);
        lanes.submit(event.shopperId(), () -> {
            occasions.handle(occasion);
            switch (event.type()) {
                case ENTER -> {
                    if (consents(event.shopperId())) {
                        catalog.store(event.storeId()).ifPresent(store -> timers.entered(event.visitId(), event.shopperId(), event.storeId(),
                                event.zoneId(), event.at(), store.dwellTimes(event.zoneId())));
                    }
                }
                case EXIT -> timers.exited(event.visitId());
                case DWELL -> { }
            }
        });
    }

    /** A tap or scan of a shopper (issue 8's touchpoints); decided on the shopper's lane. */
    public boolean onTouchpoint(Occasion occasion) {
        return lanes.submit(occasion.shopperId(), () -> occasions.handle(occasion));
    }

    private void runDwellTimers() {
        for (Occasion due : timers.due(clock.instant())) {
            lanes.submit(due.shopperId(), () -> occasions.handle(due));
        }
    }

    private boolean consents(String shopperId) {
        Optional<ShopperId> id = ShopperId.parse(shopperId);
        return id.isPresent() && policy.mayProcess(id.get(), Purpose.LOCATION) && policy.mayProcess(id.get(), Purpose.PERSONALISATION);
    }

    private void deliver(Delivery delivery) {
        ConfirmedPublisher<Delivery> out = publisher;
        if (out != null) {
            out.accept(delivery);
        }
    }

    private static void guarded(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.warn("Campaign {} failed: {}", what, e.toString());
        }
    }

    /** The offer as its message on the offers topic was (or would be), in the shopper's language; empty when its campaign is gone. */
    public Optional<OfferMessage> message(Offer offer) {
        return campaigns.find(offer.campaignId()).map(campaign -> OfferMessage.of(offer, campaign,
                journeys.find(offer.shopperId()).orElseGet(() -> io.nearcast.campaign.domain.Journey.start(offer.shopperId(), offer.deliveredAt())),
                publicBase.get()));
    }

    public Campaigns campaigns() {
        return campaigns;
    }

    public OfferLifecycle offers() {
        return lifecycle;
    }

    public OfferLedger ledger() {
        return offers;
    }

    public DecisionLog decisions() {
        return decisions;
    }

    public Journeys journeys() {
        return journeys;
    }

    public ContextBoard context() {
        return context;
    }

    /**
     * A reading given over REST: in force here at once, and published retained on
     * {@code nearcast/v1/context/{storeId}} for the other instances and after a restart.
     */
    public void postContext(io.nearcast.campaign.domain.ContextReading reading) {
        context.post(reading);
        ConfirmedPublisher.Publisher out = mqtt;
        if (out != null) {
            try {
                out.publish(Topic.STORE_CONTEXT.format(reading.storeId()), json.writeValueAsBytes(ContextMessage.of(reading)), 1, true)
                        .exceptionally(failure -> {
                            LOG.warn("The context reading could not be published retained: {}", failure.toString());
                            return null;
                        });
            } catch (java.io.IOException e) {
                LOG.warn("A context reading could not be written as JSON: {}", e.getClass().getSimpleName());
            }
        }
    }

    MqttContextFeed contextFeed() {
        return contextFeed;
    }

    public CampaignStats stats() {
        return stats;
    }

    public Tallies tallies() {
        return tallies;
    }

    public OccasionHandler occasions() {
        return occasions;
    }

    CampaignCatalog catalog() {
        return catalog;
    }

    ShopperLanes lanes() {
        return lanes;
    }

    ConfirmedPublisher<?> publisher() {
        return publisher;
    }

    DwellTimers timers() {
        return timers;
    }

    /** Offers, decisions, journeys, visits and timers as personal data. */
    public CampaignRecords personalData() {
        return new CampaignRecords(offers, decisions, journeys, visits, timers, occasions);
    }

    /** Decides what is queued, publishes what is pending, stops the timers. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        MqttContextFeed feed = contextFeed;
        if (feed != null) {
            feed.close();
        }
        lanes.close();
        ConfirmedPublisher<Delivery> out = publisher;
        if (out != null) {
            out.close();
        }
    }
}
