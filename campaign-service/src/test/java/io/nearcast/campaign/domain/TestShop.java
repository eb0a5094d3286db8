package io.nearcast.campaign.domain;

import io.nearcast.testing.MovableClock;
import io.nearcast.kernel.domain.Caller;
import io.nearcast.kernel.domain.Role;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The campaign service's domain core wired with its in-memory ports around one store in
 * Europe/Berlin (and a second store, for scope tests): what a test needs to send occasions and
 * look at what was recorded and delivered. Consent is given unless the shopper is in
 * {@link #withoutConsent}.
 */
final class TestShop {

    static final String STORE = "store-1";
    static final String OTHER_STORE = "store-2";
    static final String ZONE = "wine";
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final Caller STAFF = new Caller("token:staff-1", Role.STAFF, Set.of(STORE));
    static final Caller OTHER_STAFF = new Caller("token:staff-2", Role.STAFF, Set.of(OTHER_STORE));

    final MovableClock clock;
    final RespectRules rules;
    final CampaignCatalog catalog = new CampaignCatalog();
    final InMemoryCampaignStats stats = new InMemoryCampaignStats();
    final Tallies tallies = new Tallies(stats);
    final ContextBoard context = new ContextBoard();
    final InMemoryOfferLedger ledger = new InMemoryOfferLedger();
    final InMemoryDecisionLog decisions = new InMemoryDecisionLog();
    final InMemoryJourneys journeys = new InMemoryJourneys();
    final StoreVisits visits;
    final Queue<Offer> delivered = new ConcurrentLinkedQueue<>();
    final Set<String> withoutConsent = ConcurrentHashMap.newKeySet();
    final OccasionHandler handler;
    final OfferLifecycle lifecycle;
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong sources = new AtomicLong();
    private final List<Campaign> campaigns = new CopyOnWriteArrayList<>();

    TestShop(Instant start) {
        this(RespectRules.standard(), new VariantChooser(0.1, ThreadLocalRandom::current), start);
    }

    TestShop(RespectRules rules, Instant start) {
        this(rules, new VariantChooser(0.1, ThreadLocalRandom::current), start);
    }

    TestShop(RespectRules rules, VariantChooser chooser, Instant start) {
        this.rules = rules;
        this.clock = new MovableClock(start);
        this.visits = new StoreVisits(rules.visitGap());
        DecisionEngine engine = new DecisionEngine(rules, context, tallies, chooser, () -> "id-" + ids.incrementAndGet());
        this.handler = new OccasionHandler(shopper -> !withoutConsent.contains(shopper), catalog, engine, visits, journeys, ledger, decisions, tallies,
                (offer, campaign, journey) -> delivered.add(offer), clock);
        this.lifecycle = new OfferLifecycle(ledger, tallies, handler, clock);
    }

    /** Adds the campaigns and rebuilds the catalog. */
    TestShop with(CampaignBuilder... more) {
        for (CampaignBuilder builder : more) {
            Campaign campaign = builder.build();
            campaigns.add(campaign);
            tallies.of(campaign);
        }
        catalog.replace(campaigns, Map.of(STORE, BERLIN, OTHER_STORE, BERLIN));
        return this;
    }

    Occasion occasion(String shopperId, TriggerType trigger) {
        return Occasion.zone(shopperId, STORE, ZONE, trigger, "source-" + sources.incrementAndGet(), clock.instant());
    }

    Occasion touch(String shopperId, TriggerType trigger, Optional<String> gtin) {
        return new Occasion(shopperId, STORE, Optional.empty(), trigger, Optional.empty(), gtin, "source-" + sources.incrementAndGet(), clock.instant());
    }

    Optional<Decision> handle(Occasion occasion) {
        return handler.handle(occasion);
    }

    Optional<Decision> enter(String shopperId) {
        return handle(occasion(shopperId, TriggerType.ENTER));
    }

    /** The decision about an enter occasion that must reach a campaign. */
    Decision decide(String shopperId) {
        return enter(shopperId).orElseThrow(() -> new AssertionError("no decision about " + shopperId));
    }

    Offer offer(Decision decision) {
        return ledger.find(decision.offerId().orElseThrow(() -> new AssertionError("no offer: " + decision.explanation()))).orElseThrow();
    }

    Optional<JourneyStage> stage(String shopperId) {
        return journeys.find(shopperId).flatMap(Journey::stage);
    }

    /** {@code chosen} or the wire name of the reason that blocked the campaign in this decision. */
    static String outcome(Decision decision, String campaignId) {
        return decision.verdicts().stream().filter(v -> v.campaignId().equals(campaignId)).findFirst()
                .map(v -> v.blocked().map(BlockReason::wireName).orElse("chosen"))
                .orElseThrow(() -> new AssertionError(campaignId + " not in " + decision.explanation()));
    }

    List<String> deliveredCampaigns() {
        List<String> ids = new ArrayList<>();
        delivered.forEach(offer -> ids.add(offer.campaignId()));
        return ids;
    }
}
