package io.nearcast.campaign.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * What the campaign service does with an occasion: nothing at all without the shopper's consent
 * to location and personalisation (no record either); otherwise, under the shopper's lock, the
 * store visit and the journey move on, the {@link DecisionEngine} decides about the campaigns
 * the trigger reaches, and the decision (with its explanation) and the offer are recorded
 * before the offer is handed to the {@link OfferDelivery}. Occasions that reach no campaign
 * leave only the visit and the journey. Thread-safe.
 */
public final class OccasionHandler {

    private final Predicate<String> consents;
    private final CampaignCatalog catalog;
    private final DecisionEngine engine;
    private final StoreVisits visits;
    private final Journeys journeys;
    private final OfferLedger ledger;
    private final DecisionLog decisions;
    private final Tallies tallies;
    private final OfferDelivery delivery;
    private final Clock clock;
    private final ShopperLocks locks = new ShopperLocks(4096);
    private final Counters counters = new Counters();

    /** @param consents whether the shopper consented to location and personalisation now */
    public OccasionHandler(Predicate<String> consents, CampaignCatalog catalog, DecisionEngine engine, StoreVisits visits, Journeys journeys,
                           OfferLedger ledger, DecisionLog decisions, Tallies tallies, OfferDelivery delivery, Clock clock) {
        this.consents = Objects.requireNonNull(consents, "consents");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.visits = Objects.requireNonNull(visits, "visits");
        this.journeys = Objects.requireNonNull(journeys, "journeys");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.decisions = Objects.requireNonNull(decisions, "decisions");
        this.tallies = Objects.requireNonNull(tallies, "tallies");
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Counts since start (metrics). */
    public static final class Counters {
        public final LongAdder withoutConsent = new LongAdder();
        public final LongAdder unreached = new LongAdder();
        public final LongAdder decisions = new LongAdder();
        public final LongAdder offers = new LongAdder();

        private Counters() {
        }
    }

    public Counters counters() {
        return counters;
    }

    /** @return the decision made, empty without consent or when the occasion reached no campaign */
    public Optional<Decision> handle(Occasion occasion) {
        if (!consents(occasion.shopperId())) {
            counters.withoutConsent.increment();
            return Optional.empty();
        }
        DecisionEngine.Result result;
        Journey journey;
        ReentrantLock lock = locks.of(occasion.shopperId());
        lock.lock();
        try {
            Instant now = clock.instant();
            StoreVisits.Visit visit = visits.touch(occasion.shopperId(), occasion.storeId(), now);
            journey = advanceJourney(occasion, visit, now);
            Optional<CampaignCatalog.StoreCampaigns> store = catalog.store(occasion.storeId());
            List<CampaignCatalog.Reached> reached = store.map(s -> s.reachedBy(occasion.trigger(), occasion.zoneId())).orElse(List.of());
            if (reached.stream().noneMatch(r -> r.campaign().trigger().firesOn(occasion))) {
                counters.unreached.increment();
                return Optional.empty();
            }
            List<Offer> recent = ledger.deliveredSince(occasion.shopperId(), now.minus(RespectRules.LOOKBACK));
            result = engine.decide(occasion, store.get(), reached, journey.profile(occasion.storeId()), visit, recent, now);
            record(result);
        } finally {
            lock.unlock();
        }
        counters.decisions.increment();
        if (result.offer().isPresent()) {
            counters.offers.increment();
            delivery.deliver(result.offer().get(), result.campaign().orElseThrow(), journey);
        }
        return Optional.of(result.decision());
    }

    /**
     * Runs work for one shopper under their lock (offer lifecycle changes, erasure), so it never
     * interleaves with a decision about them.
     */
    public <T> T underLock(String shopperId, java.util.function.Supplier<T> work) {
        ReentrantLock lock = locks.of(shopperId);
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Erases the shopper's records under their lock and refuses occasions of theirs for
     * {@link #ERASED_FOR} afterwards, so that one still queued when the erasure began (consent is
     * erased a moment later) cannot recreate anything.
     */
    public long erase(String shopperId, java.util.function.Supplier<Long> eraseRecords) {
        Instant now = clock.instant();
        erased.values().removeIf(at -> at.plus(ERASED_FOR).isBefore(now));
        erased.put(shopperId, now);
        return underLock(shopperId, eraseRecords);
    }

    /** How long an erased shopper's late occasions are refused. */
    public static final java.time.Duration ERASED_FOR = java.time.Duration.ofMinutes(10);
    private final java.util.Map<String, Instant> erased = new java.util.concurrent.ConcurrentHashMap<>();

    private boolean consents(String shopperId) {
        return !erased.containsKey(shopperId) && consents.test(shopperId);
    }

    private void record(DecisionEngine.Result result) {
        if (result.offer().isPresent()) {
            Offer offer = result.offer().get();
            try {
                ledger.add(offer);
            } catch (RuntimeException e) {
                tallies.of(result.campaign().orElseThrow()).releaseDelivery();
                throw e;
            }
            tallies.count(offer, Metric.DELIVERED);
        }
        decisions.record(result.decision());
    }

    private Journey advanceJourney(Occasion occasion, StoreVisits.Visit visit, Instant now) {
        Journey before = journeys.find(occasion.shopperId()).orElseGet(() -> Journey.start(occasion.shopperId(), now));
        Journey after = before;
        if (visit.isNew()) {
            after = after.withVisit(occasion.storeId(), now);
        }
        Optional<JourneySignal> signal = switch (occasion.trigger()) {
            case ENTER -> Optional.of(JourneySignal.ZONE_VISIT);
            case DWELL -> Optional.of(JourneySignal.DWELL);
            case TAP -> Optional.of(JourneySignal.TAP);
            case SCAN -> Optional.of(JourneySignal.SCAN);
            case EXIT -> Optional.empty();
        };
        if (signal.isPresent()) {
            Journey moved = after.after(signal.get(), now);
            if (!moved.stage().equals(after.stage())) {
                after = moved;
            }
        }
        if (after != before) {
            journeys.save(after);
        }
        return after;
    }

    /** A signal from outside an occasion (offer opened, redemption, purchase); under the shopper's lock, with consent only. */
    public void signal(String shopperId, JourneySignal signal) {
        if (!consents(shopperId)) {
            return;
        }
        underLock(shopperId, () -> {
            Instant now = clock.instant();
            Journey before = journeys.find(shopperId).orElseGet(() -> Journey.start(shopperId, now));
            Journey after = before.after(signal, now);
            if (!after.stage().equals(before.stage())) {
                journeys.save(after);
            }
            return null;
        });
    }

    /**
     * Sets the segments and language the shopper chose in their app.
     *
     * @throws io.nearcast.kernel.domain.Conflict without the consent this processing needs
     */
    public Journey setPreferences(String shopperId, java.util.Set<String> segments, Optional<Localized.Language> language) {
        if (!consents(shopperId)) {
            throw new io.nearcast.kernel.domain.Conflict("preferences are kept only with consent to location and personalisation");
        }
        return underLock(shopperId, () -> {
            Instant now = clock.instant();
            Journey journey = journeys.find(shopperId).orElseGet(() -> Journey.start(shopperId, now)).withPreferences(segments, language, now);
            journeys.save(journey);
            return journey;
        });
    }
}
