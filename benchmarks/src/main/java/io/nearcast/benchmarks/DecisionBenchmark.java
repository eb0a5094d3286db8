package io.nearcast.benchmarks;

import io.nearcast.campaign.domain.Audience;
import io.nearcast.campaign.domain.BlockReason;
import io.nearcast.campaign.domain.Budget;
import io.nearcast.campaign.domain.Campaign;
import io.nearcast.campaign.domain.CampaignCatalog;
import io.nearcast.campaign.domain.CampaignStatus;
import io.nearcast.campaign.domain.Caps;
import io.nearcast.campaign.domain.ContextBoard;
import io.nearcast.campaign.domain.ContextCondition;
import io.nearcast.campaign.domain.ContextReading;
import io.nearcast.campaign.domain.Decision;
import io.nearcast.campaign.domain.DecisionEngine;
import io.nearcast.campaign.domain.DecisionLog;
import io.nearcast.campaign.domain.Gtin;
import io.nearcast.campaign.domain.InMemoryCampaignStats;
import io.nearcast.campaign.domain.InMemoryJourneys;
import io.nearcast.campaign.domain.InMemoryOfferLedger;
import io.nearcast.campaign.domain.Journey;
import io.nearcast.campaign.domain.JourneyStage;
import io.nearcast.campaign.domain.LocalTimeRange;
import io.nearcast.campaign.domain.Localized;
import io.nearcast.campaign.domain.Occasion;
import io.nearcast.campaign.domain.OccasionHandler;
import io.nearcast.campaign.domain.RespectRules;
import io.nearcast.campaign.domain.Schedule;
import io.nearcast.campaign.domain.StoreVisits;
import io.nearcast.campaign.domain.Tallies;
import io.nearcast.campaign.domain.Trigger;
import io.nearcast.campaign.domain.TriggerType;
import io.nearcast.campaign.domain.Variant;
import io.nearcast.campaign.domain.VariantChooser;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decisions per second on one thread through the campaign service's whole decision path,
 * {@link OccasionHandler#handle}: consent (always yes), the shopper's lock, store visit and
 * journey, the {@link DecisionEngine} over the {@link CampaignCatalog}, offer ledger, decision
 * log, tallies and delivery (to a {@link Blackhole}), with the in-memory ports, the standard
 * {@link RespectRules}, UUID ids and a {@link VariantChooser} on {@link ThreadLocalRandom}
 * (10 % exploration). 1,000 active campaigns in one store (Europe/Berlin, 40 zones, fixed seed);
 * 100,000 shopper ids, 60 % of them with a journey already (stage, 1–20 visits, half with
 * segments); each occasion a pre-generated random shopper, zone and trigger (2^20 slots).
 *
 * <p>{@code scenario}: {@code mixed} — triggers enter 30 %, dwell 25 % (40 % of them with the
 * campaign's own 60 s or 180 s), exit 10 %, tap 20 %, scan 15 %; 30 % store-wide, the others in
 * 1–3 zones; 40 % of taps and scans about 1–5 of 200 products; priorities 0–100 at random;
 * 55 % of the schedules restricted by hours, weekdays or dates; 40 % of the audiences by stage,
 * segments or visits; 15 % with a weather or temperature condition; half the caps the defaults,
 * 35 % their own caps and cooldowns, 15 % quiet hours (12:00–13:30 or 18:00–19:30);
 * 30 % with a delivery and redemption budget too large to run out; 2–4 variants. Occasions:
 * enter 30 %, dwell 30 % (the zone's event or one of the dwell times its campaigns have),
 * exit 20 %, tap 10 %, scan 10 % (a fifth of taps and scans without a zone, 70 % of a product).
 * {@code worst} — all 1,000 campaigns store-wide on enter, every occasion an enter: the 980 of
 * highest priority are blocked (a third each by schedule: evening hours or an ended date range;
 * audience: a segment nobody chose or 500 visits; weather: snow or 35 °C), so each
 * decision checks 980 campaigns before one of the 20 lowest makes the offer, then counts the
 * rest.
 *
 * <p>Time is simulated: each occasion moves a clock 50 ms on through the store's opening hours
 * (08:00–20:00 Berlin, then the next morning); a context reading (sunny, cloudy or rain,
 * 4–22 °C) is posted every 16,384 occasions (13.7 simulated minutes). Memory stays bounded: the
 * decision log only counts what the decisions were ({@link CountingDecisionLog}), and before
 * each iteration the clock jumps 8 days ahead and the offer ledger and store visits start empty
 * (past the rules' 7-day look-back, the old offers would change no decision; journeys and
 * tallies are kept), then a full GC clears the previous iteration's. Within an iteration the
 * in-memory ledger grows by one offer per offer made, and its GC cost is measured with it. The
 * baseline in the same run: {@link #catalogLookup}, the catalog lookup alone for the same
 * occasions. At the end the fork prints what the decisions were (share with an offer, campaigns
 * reached, first verdicts), so the figure can be judged.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class DecisionBenchmark {

    static final String STORE = "store-berlin";
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final int CAMPAIGNS = 1_000;
    static final int ZONES = 40;
    static final int SHOPPERS = 100_000;
    static final int PRODUCTS = 200;
    static final int SLOTS = 1 << 20;
    static final int CONTEXT_EVERY = 1 << 14;
    static final long STEP_MS = 50;
    static final LocalTime OPENS = LocalTime.of(8, 0);
    static final LocalTime CLOSES = LocalTime.of(20, 0);
    /** A Monday. */
    static final LocalDate FIRST_DAY = LocalDate.of(2026, 12, 7);
    static final Instant START = FIRST_DAY.atTime(OPENS).atZone(BERLIN).toInstant();
    static final List<String> SEGMENTS = List.of("family", "student", "eco", "gourmet", "sports", "beauty", "pets", "diy");
    static final String[] WEATHER = {"sunny", "cloudy", "rain", "cloudy", "sunny", "rain", "sunny"};
    static final double[] TEMPERATURES = {18, 12, 9, 4, 22, 15, 7};

    /** The store, its campaigns and ports, the shoppers and the pre-generated occasions. */
    @State(Scope.Thread)
    public static class Store {

        @Param({"mixed", "worst"})
        public String scenario;

        private final Random random = new Random(42);
        private CampaignCatalog catalog;
        private Tallies tallies;
        private ContextBoard context;
        private InMemoryJourneys journeys;
        private DecisionEngine engine;
        private SimulatedClock clock;
        private CountingDecisionLog decisions;
        private OccasionHandler handler;
        private Blackhole blackhole;
        private int contextPosts;

        private String[] slotShopper;
        private Optional<String>[] slotZone;
        private TriggerType[] slotTrigger;
        private Optional<Duration>[] slotDwell;
        private Optional<String>[] slotGtin;
        private String[] sources;
        private int next;

        private long decided;
        private long offered;
        private long unreached;

        @Setup(Level.Trial)
        @SuppressWarnings("unchecked")
        public void build() {
            List<String> zones = new ArrayList<>();
            for (int z = 0; z < ZONES; z++) {
                zones.add(String.format("zone-%02d", z));
            }
            List<String> products = new ArrayList<>();
            for (int p = 0; p < PRODUCTS; p++) {
                products.add(gtin(400_638_100_000L + 7L * p));
            }
            List<Campaign> campaigns = new ArrayList<>();
            for (int i = 0; i < CAMPAIGNS; i++) {
                campaigns.add(scenario.equals("worst") ? worstCase(i) : mixed(i, zones, products));
            }
            catalog = new CampaignCatalog();
            catalog.replace(campaigns, Map.of(STORE, BERLIN));
            if (catalog.size() != CAMPAIGNS) {
                throw new IllegalStateException("catalog holds " + catalog.size());
            }
            tallies = new Tallies(new InMemoryCampaignStats());
            tallies.load(campaigns);
            context = new ContextBoard();
            engine = new DecisionEngine(RespectRules.standard(), context, tallies, new VariantChooser(0.1, ThreadLocalRandom::current),
                    () -> UUID.randomUUID().toString());
            clock = new SimulatedClock();
            decisions = new CountingDecisionLog();

            String[] shoppers = new String[SHOPPERS];
            journeys = new InMemoryJourneys();
            JourneyStage[] stages = JourneyStage.values();
            for (int s = 0; s < SHOPPERS; s++) {
                shoppers[s] = new UUID(random.nextLong(), random.nextLong()).toString();
                if (random.nextInt(100) < 60) {
                    int r = random.nextInt(100);
                    JourneyStage stage = stages[r < 40 ? 0 : r < 75 ? 1 : r < 90 ? 2 : 3];
                    Set<String> segments = random.nextBoolean() ? Set.of() : Set.copyOf(pick(SEGMENTS, 1 + random.nextInt(2)));
                    journeys.save(new Journey(shoppers[s], Optional.of(stage), Map.of(STORE, 1 + random.nextInt(20)), segments,
                            Optional.of(random.nextBoolean() ? Localized.Language.DE : Localized.Language.EN), START));
                }
            }

            CampaignCatalog.StoreCampaigns store = catalog.store(STORE).orElseThrow();
            List<Optional<String>> zoneIds = zones.stream().map(Optional::of).toList();
            List<Optional<String>> gtins = products.stream().map(Optional::of).toList();
            Map<String, List<Optional<Duration>>> dwellOptions = new java.util.HashMap<>();
            for (String zone : zones) {
                List<Optional<Duration>> options = new ArrayList<>();
                options.add(Optional.empty());
                store.dwellTimes(zone).forEach(d -> options.add(Optional.of(d)));
                dwellOptions.put(zone, options);
            }
            slotShopper = new String[SLOTS];
            slotZone = new Optional[SLOTS];
            slotTrigger = new TriggerType[SLOTS];
            slotDwell = new Optional[SLOTS];
            slotGtin = new Optional[SLOTS];
            for (int i = 0; i < SLOTS; i++) {
                slotShopper[i] = shoppers[random.nextInt(SHOPPERS)];
                int zone = random.nextInt(ZONES);
                TriggerType trigger = scenario.equals("worst") ? TriggerType.ENTER : occasionTrigger();
                slotTrigger[i] = trigger;
                slotZone[i] = !trigger.isZoneEvent() && random.nextInt(5) == 0 ? Optional.empty() : zoneIds.get(zone);
                List<Optional<Duration>> options = dwellOptions.get(zones.get(zone));
                slotDwell[i] = trigger == TriggerType.DWELL ? options.get(random.nextInt(options.size())) : Optional.empty();
                slotGtin[i] = !trigger.isZoneEvent() && random.nextInt(10) < 7 ? gtins.get(random.nextInt(PRODUCTS)) : Optional.empty();
            }
            sources = new String[4096];
            for (int i = 0; i < sources.length; i++) {
                sources[i] = "visit-" + new UUID(random.nextLong(), random.nextLong());
            }
        }

        /** Each iteration 8 days later, with an empty ledger and no open visits; memory stays bounded. */
        @Setup(Level.Iteration)
        public void iteration(Blackhole blackhole) {
            this.blackhole = blackhole;
            clock.skipDays(8);
            postContext();
            handler = null;
            System.gc(); // the previous iteration's ledger and visits go before this iteration is timed
            handler = new OccasionHandler(shopper -> true, catalog, engine, new StoreVisits(RespectRules.standard().visitGap()), journeys,
                    new InMemoryOfferLedger(), decisions, tallies, (offer, campaign, journey) -> this.blackhole.consume(offer), clock);
        }

        @TearDown(Level.Iteration)
        public void count() {
            decided += handler.counters().decisions.sum();
            offered += handler.counters().offers.sum();
            unreached += handler.counters().unreached.sum();
        }

        @TearDown(Level.Trial)
        public void describe() {
            if (decided + unreached > 0) {
                System.out.println("[" + scenario + "] occasions " + (decided + unreached) + ", decisions " + decided + ", offers " + offered
                        + String.format(" (%.1f %% of decisions)", 100.0 * offered / Math.max(1, decided)) + ", unreached " + unreached
                        + "; log: " + decisions.summary());
            }
        }

        Optional<Decision> decide() {
            int i = next++ & (SLOTS - 1);
            Instant now = clock.advance(STEP_MS);
            if ((i & (CONTEXT_EVERY - 1)) == 0) {
                postContext();
            }
            return handler.handle(new Occasion(slotShopper[i], STORE, slotZone[i], slotTrigger[i], slotDwell[i], slotGtin[i],
                    sources[i & (sources.length - 1)], now));
        }

        List<CampaignCatalog.Reached> lookup() {
            int i = next++ & (SLOTS - 1);
            TriggerType trigger = slotTrigger[i];
            Optional<String> zone = slotZone[i];
            return catalog.store(STORE).map(s -> s.reachedBy(trigger, zone)).orElse(List.of());
        }

        private void postContext() {
            int k = contextPosts++;
            context.post(new ContextReading(STORE, WEATHER[k % WEATHER.length], TEMPERATURES[k % TEMPERATURES.length], clock.instant()));
        }

        private TriggerType occasionTrigger() {
            int r = random.nextInt(100);
            return r < 30 ? TriggerType.ENTER : r < 60 ? TriggerType.DWELL : r < 80 ? TriggerType.EXIT : r < 90 ? TriggerType.TAP : TriggerType.SCAN;
        }

        private Campaign mixed(int i, List<String> zones, List<String> products) {
            int r = random.nextInt(100);
            TriggerType type = r < 30 ? TriggerType.ENTER : r < 55 ? TriggerType.DWELL : r < 65 ? TriggerType.EXIT : r < 85 ? TriggerType.TAP
                    : TriggerType.SCAN;
            Optional<Duration> dwell = type == TriggerType.DWELL && random.nextInt(10) < 4
                    ? Optional.of(Duration.ofSeconds(random.nextBoolean() ? 60 : 180)) : Optional.empty();
            Set<String> zoneIds = random.nextInt(100) < 30 ? Set.of() : Set.copyOf(pick(zones, 1 + random.nextInt(3)));
            Set<String> gtins = !type.isZoneEvent() && random.nextInt(100) < 40 ? Set.copyOf(pick(products, 1 + random.nextInt(5))) : Set.of();
            Optional<ContextCondition> condition = random.nextInt(100) < 15 ? Optional.of(mixedContext()) : Optional.empty();
            Budget budget = random.nextInt(100) < 30 ? new Budget(OptionalLong.of(1_000_000_000_000L), OptionalLong.of(100_000_000_000L))
                    : Budget.UNLIMITED;
            return campaign(i, new Trigger(type, dwell), zoneIds, gtins, mixedSchedule(), mixedAudience(), condition, mixedCaps(), budget,
                    random.nextInt(101));
        }

        private Schedule mixedSchedule() {
            int r = random.nextInt(100);
            Set<DayOfWeek> all = EnumSet.allOf(DayOfWeek.class);
            if (r < 45) {
                return Schedule.ALWAYS;
            }
            if (r < 65) {
                return new Schedule(Optional.empty(), Optional.empty(), all, Optional.of(hours()));
            }
            if (r < 80) {
                return new Schedule(Optional.empty(), Optional.empty(), days(), Optional.empty());
            }
            if (r < 90) {
                return new Schedule(Optional.empty(), Optional.empty(), days(), Optional.of(hours()));
            }
            // a date range: most cover the whole run (8 iterations of 8 days), some end during it
            return new Schedule(Optional.of(FIRST_DAY.minusDays(random.nextInt(30))), Optional.of(FIRST_DAY.plusDays(30 + random.nextInt(120))), all,
                    Optional.empty());
        }

        private LocalTimeRange hours() {
            int from = 8 + random.nextInt(10);
            int to = Math.min(from + 2 + random.nextInt(5), 23);
            return new LocalTimeRange(LocalTime.of(from, random.nextBoolean() ? 0 : 30), LocalTime.of(to, 0));
        }

        private Set<DayOfWeek> days() {
            int r = random.nextInt(3);
            if (r == 0) {
                return EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
            }
            if (r == 1) {
                return EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);
            }
            return EnumSet.copyOf(pick(List.of(DayOfWeek.values()), 3 + random.nextInt(3)));
        }

        private Audience mixedAudience() {
            int r = random.nextInt(100);
            if (r < 60) {
                return Audience.EVERYONE;
            }
            if (r < 72) {
                return new Audience(stages(), OptionalInt.empty(), OptionalInt.empty(), Set.of());
            }
            if (r < 84) {
                return new Audience(Set.of(), OptionalInt.empty(), OptionalInt.empty(), Set.copyOf(pick(SEGMENTS, 1 + random.nextInt(2))));
            }
            if (r < 92) {
                return random.nextBoolean() ? new Audience(Set.of(), OptionalInt.of(2 + random.nextInt(4)), OptionalInt.empty(), Set.of())
                        : new Audience(Set.of(), OptionalInt.empty(), OptionalInt.of(1), Set.of());
            }
            return new Audience(stages(), OptionalInt.empty(), OptionalInt.empty(), Set.copyOf(pick(SEGMENTS, 1 + random.nextInt(2))));
        }

        private Set<JourneyStage> stages() {
            return EnumSet.copyOf(pick(List.of(JourneyStage.values()), 1 + random.nextInt(2)));
        }

        private ContextCondition mixedContext() {
            Duration maxAge = Duration.ofHours(random.nextBoolean() ? 1 : 3);
            int r = random.nextInt(3);
            if (r == 0) {
                return new ContextCondition(Set.copyOf(pick(List.of("sunny", "cloudy", "rain"), 1 + random.nextInt(2))), OptionalDouble.empty(),
                        OptionalDouble.empty(), maxAge);
            }
            if (r == 1) {
                return new ContextCondition(Set.of(), random.nextBoolean() ? OptionalDouble.of(10) : OptionalDouble.empty(),
                        random.nextBoolean() ? OptionalDouble.of(15) : OptionalDouble.of(20), maxAge);
            }
            return new ContextCondition(Set.of("sunny"), OptionalDouble.of(12), OptionalDouble.empty(), maxAge);
        }

        private Caps mixedCaps() {
            int r = random.nextInt(100);
            if (r < 50) {
                return Caps.DEFAULTS;
            }
            if (r < 85) {
                int perDay = 1 + random.nextInt(3);
                return new Caps(OptionalInt.of(perDay), OptionalInt.of(perDay + 2 + random.nextInt(6)), Optional.of(Duration.ofDays(1 + random.nextInt(3))),
                        Optional.of(Duration.ofHours(12 + random.nextInt(13))), Optional.empty());
            }
            return new Caps(OptionalInt.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(),
                    Optional.of(random.nextBoolean() ? new LocalTimeRange(LocalTime.of(12, 0), LocalTime.of(13, 30))
                            : new LocalTimeRange(LocalTime.of(18, 0), LocalTime.of(19, 30))));
        }

        /** 20 open campaigns at priorities 0–9, 980 blocked ones at 10–100 (by schedule, audience and weather in turn). */
        private Campaign worstCase(int i) {
            Schedule schedule = Schedule.ALWAYS;
            Audience audience = Audience.EVERYONE;
            Optional<ContextCondition> condition = Optional.empty();
            int priority;
            if (i < 20) {
                priority = random.nextInt(10);
            } else {
                priority = 10 + random.nextInt(91);
                int variant = random.nextInt(2);
                switch (i % 3) {
                    case 0 -> schedule = variant == 0
                            ? new Schedule(Optional.empty(), Optional.empty(), EnumSet.allOf(DayOfWeek.class),
                                    Optional.of(new LocalTimeRange(LocalTime.of(20, 30), LocalTime.of(23, 0))))
                            : new Schedule(Optional.of(FIRST_DAY.minusDays(60)), Optional.of(FIRST_DAY.minusDays(1)), EnumSet.allOf(DayOfWeek.class),
                                    Optional.empty());
                    case 1 -> audience = variant == 0 ? new Audience(Set.of(), OptionalInt.empty(), OptionalInt.empty(), Set.of("staff"))
                            : new Audience(Set.of(), OptionalInt.of(500), OptionalInt.empty(), Set.of());
                    default -> condition = Optional.of(variant == 0
                            ? new ContextCondition(Set.of("snow"), OptionalDouble.empty(), OptionalDouble.empty(), Duration.ofHours(1))
                            : new ContextCondition(Set.of(), OptionalDouble.of(35), OptionalDouble.empty(), Duration.ofHours(1)));
                }
            }
            return campaign(i, Trigger.of(TriggerType.ENTER), Set.of(), Set.of(), schedule, audience, condition, Caps.DEFAULTS, Budget.UNLIMITED,
                    priority);
        }

        private Campaign campaign(int i, Trigger trigger, Set<String> zoneIds, Set<String> gtins, Schedule schedule, Audience audience,
                                  Optional<ContextCondition> condition, Caps caps, Budget budget, int priority) {
            List<Variant> variants = new ArrayList<>();
            int count = 2 + random.nextInt(3);
            for (int v = 0; v < count; v++) {
                Map<Localized.Language, String> title = new EnumMap<>(Localized.Language.class);
                title.put(Localized.Language.DE, "Angebot " + i + " Variante " + v);
                title.put(Localized.Language.EN, "Offer " + i + " variant " + v);
                variants.add(new Variant(v, new Localized(title), Localized.of(Localized.Language.DE, "Nur heute: 20 % auf Sortiment " + i),
                        Optional.empty(), Optional.of("https://cdn.example.org/offers/" + i + "/" + v + ".jpg")));
            }
            return new Campaign(String.format("cmp_%04d", i), STORE, "Campaign " + i, CampaignStatus.ACTIVE, zoneIds, gtins, trigger, schedule,
                    audience, condition, variants, caps, budget, priority, Duration.ofHours(2), START.minus(Duration.ofMinutes(CAMPAIGNS - i)), 1);
        }

        private <T> List<T> pick(List<T> from, int n) {
            List<T> copy = new ArrayList<>(from);
            java.util.Collections.shuffle(copy, random);
            return copy.subList(0, Math.min(n, copy.size()));
        }

        private static String gtin(long twelve) {
            String thirteen = "0" + twelve;
            int sum = 0;
            for (int i = 0; i < thirteen.length(); i++) {
                int digit = thirteen.charAt(thirteen.length() - 1 - i) - '0';
                sum += i % 2 == 0 ? digit * 3 : digit;
            }
            String gtin = thirteen + (10 - sum % 10) % 10;
            return Gtin.normalise(gtin).orElseThrow(() -> new IllegalStateException("not a GTIN: " + gtin));
        }
    }

    /** One occasion through {@link OccasionHandler#handle}. */
    @Benchmark
    public Optional<Decision> decide(Store store) {
        return store.decide();
    }

    /** Baseline: only the catalog's lookup for the same occasions ({@code store(..).reachedBy(..)}), as the handler does it. */
    @Benchmark
    public List<CampaignCatalog.Reached> catalogLookup(Store store) {
        return store.lookup();
    }

    /**
     * Store-local opening hours, 08:00–20:00 in Berlin, as one running clock: {@link #advance}
     * moves it on, past closing time to the next morning. Only the benchmark's thread reads it.
     */
    static final class SimulatedClock extends Clock {
        private static final long OPEN_MS = Duration.between(OPENS, CLOSES).toMillis();
        private LocalDate day = FIRST_DAY;
        private long intoDay;
        private long dayStart = START.toEpochMilli();
        private Instant now = START;

        Instant advance(long millis) {
            intoDay += millis;
            if (intoDay >= OPEN_MS) {
                intoDay -= OPEN_MS;
                day = day.plusDays(1);
                dayStart = day.atTime(OPENS).atZone(BERLIN).toInstant().toEpochMilli();
            }
            now = Instant.ofEpochMilli(dayStart + intoDay);
            return now;
        }

        /** The same time of day so many days later. */
        void skipDays(int days) {
            day = day.plusDays(days);
            dayStart = day.atTime(OPENS).atZone(BERLIN).toInstant().toEpochMilli();
            now = Instant.ofEpochMilli(dayStart + intoDay);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("a benchmark clock");
        }
    }

    /**
     * A decision log that keeps no decision, only counts what they were (offers, campaigns
     * reached, the first verdict's outcome): storing is a database write in the server, and an
     * in-memory log would grow without end. The rest of the port is not used here.
     */
    static final class CountingDecisionLog implements DecisionLog {
        private static final BlockReason[] REASONS = BlockReason.values();
        private long recorded;
        private long offers;
        private long reached;
        private long noVerdict;
        private long chosenFirst;
        private final long[] blockedFirst = new long[REASONS.length];

        @Override
        public void record(Decision decision) {
            recorded++;
            offers += decision.offerId().isPresent() ? 1 : 0;
            reached += decision.verdicts().size() + decision.unlisted();
            if (decision.verdicts().isEmpty()) {
                noVerdict++;
            } else {
                Optional<BlockReason> first = decision.verdicts().get(0).blocked();
                if (first.isPresent()) {
                    blockedFirst[first.get().ordinal()]++;
                } else {
                    chosenFirst++;
                }
            }
        }

        @Override
        public List<Decision> ofShopper(String shopperId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Decision> find(String decisionId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public io.nearcast.kernel.domain.Page<Decision> ofStore(String storeId, io.nearcast.kernel.domain.PageRequest page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long erase(String shopperId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long purgeBefore(Instant cutoff) {
            throw new UnsupportedOperationException();
        }

        /** What the decisions recorded so far were. */
        String summary() {
            long n = Math.max(1, recorded);
            StringBuilder text = new StringBuilder();
            text.append(recorded).append(" decisions, ").append(String.format("%.1f %% with an offer", 100.0 * offers / n))
                    .append(String.format(", %.1f campaigns reached per decision", (double) reached / n))
                    .append("; first verdict: ").append(String.format("chosen %.1f %%", 100.0 * chosenFirst / n));
            Integer[] order = new Integer[REASONS.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> Long.compare(blockedFirst[b], blockedFirst[a]));
            for (int i : order) {
                if (blockedFirst[i] > 0) {
                    text.append(", ").append(REASONS[i].wireName()).append(String.format(" %.1f %%", 100.0 * blockedFirst[i] / n));
                }
            }
            if (noVerdict > 0) {
                text.append(String.format(", none %.1f %%", 100.0 * noVerdict / n));
            }
            return text.toString();
        }
    }
}
