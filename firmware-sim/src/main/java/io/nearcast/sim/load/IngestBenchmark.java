package io.nearcast.sim.load;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import java.util.function.ToLongFunction;

/**
 * {@code bench-ingest}: the gateway's MQTT ingest against the broker's own delivery rate, in one
 * invocation on one broker. Starts the server jar, registers a store with D scanners, then:
 * <ol>
 * <li>warm-up: a few thousand messages through both paths, not measured;</li>
 * <li>raw: N messages, as fast as the broker acknowledges them, to a private topic with a trivial
 *     subscriber;</li>
 * <li>gateway: N distinct sightings the same way, round-robin over the scanners' topics, counted
 *     by the server's {@code sightings.accepted} counter ({@code GET /metrics});</li>
 * <li>paced: publishing at half the raw rate for {@value #PACED_SECONDS} s; p50/p99/max of the
 *     server's MQTT handling histogram (receipt → handed on), from the bucket deltas.</li>
 * </ol>
 * A flood's rate is the consumer's count between two readings, when a fifth and when all of the
 * messages are published, over the time between them. It is not N / (time until all arrived): a
 * QoS 1 consumer more than the broker's queue limit behind loses the excess at the broker
 * (Mosquitto: {@code max_queued_messages}, 1000 by default), so on a slower consumer not all N
 * ever arrive. Every phase reports how many did. Phases 2–4 repeat {@code --runs} times in the same server.
 */
public final class IngestBenchmark {

    static final String ACCEPTED = "nearcast_ingest_sightings_accepted_total";
    static final String REJECTED = "nearcast_ingest_rejected_total";
    static final String DUPLICATES = "nearcast_ingest_duplicates_total";
    static final String HANDLING = "nearcast_ingest_handling_seconds";
    static final String MESSAGES = "nearcast_ingest_messages_total";
    static final Map<String, String> MQTT = Map.of("transport", "mqtt");

    static final int WARM_UP_MESSAGES = 5_000;
    static final int PACED_SECONDS = 10;
    static final long PHASE_TIMEOUT_MS = 120_000;
    static final long POLL_MS = 100;
    /** A count that has not moved for this long will not move any more: the broker dropped the rest. */
    static final long STALL_MS = 5_000;
    static final long SETTLE_MS = 1_000;

    private final BenchOptions options;
    private final PrintStream progress;
    private final Sightings sightings = Sightings.live();
    private NearcastApi api;
    private Publisher publisher;
    private RawSubscriber raw;
    private String rawTopic;
    private List<String> topics;

    public IngestBenchmark(BenchOptions options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
    }

    /** @throws Exception when the server, the broker or the raw subscriber failed, so nothing could be measured */
    public BenchResult run() throws Exception {
        String token = adminToken();
        double loadBefore = loadAverage();
        List<RunResult> runs = new ArrayList<>();
        Map<String, Long> rejects;
        long duplicates;
        try (ServerUnderTest server = ServerUnderTest.start(options.serverJar(), options.mqtt(), token,
                Map.of("NEARCAST_DEVICE_RATE_LIMIT", "1000000/s"), progress)) {
            try {
                api = new NearcastApi(server.httpPort(), token);
                String store = api.createStore("Bench store");
                api.registerBeacon(store);
                topics = new ArrayList<>();
                for (int i = 1; i <= options.devices(); i++) {
                    topics.add(api.createScanner(store, "bench-scanner-" + i));
                }
                rawTopic = "nearcast-bench/" + UUID.randomUUID() + "/raw";
                try (RawSubscriber subscriber = RawSubscriber.subscribe(options.mqtt(), rawTopic);
                     Publisher pub = Publisher.connect(options.mqtt())) {
                    raw = subscriber;
                    publisher = pub;
                    progress.println("[bench] store with " + topics.size() + " scanners; publisher window " + pub.window()
                            + " (the smaller of " + Publisher.MAX_WINDOW + " and the broker's Receive Maximum)");
                    PrometheusText first = api.metrics();
                    warmUp();
                    for (int run = 1; run <= options.runs(); run++) {
                        RunResult result = runOnce(run);
                        runs.add(result);
                        if (!result.allArrived(options.messages())) {
                            progress.println("[bench] run " + run + ": not every published message arrived (raw: " + result.rawArrived()
                                    + " of " + options.messages() + "; gateway: " + result.gatewayReceived() + " received, "
                                    + result.gatewayAccepted() + " accepted of " + options.messages() + "; paced: " + result.handling().count()
                                    + " handled of " + result.pacedMessages() + "); the broker dropped the rest, or gave it to another member of"
                                    + " the server's share group");
                        }
                        if (result.rejected() > 0) {
                            progress.println("[bench] run " + run + ": the server rejected " + result.rejected() + " messages or sightings that"
                                    + " were not the benchmark's: another client used the broker's scanner topics during this run");
                        }
                    }
                    PrometheusText last = api.metrics();
                    rejects = delta(first.byLabel(REJECTED, "reason"), last.byLabel(REJECTED, "reason"));
                    duplicates = Math.round(last.sum(DUPLICATES, Map.of()) - first.sum(DUPLICATES, Map.of()));
                }
            } catch (Exception e) {
                server.showTail();
                throw e;
            }
        }
        return new BenchResult(options, publisher.window(), Runtime.getRuntime().availableProcessors(), loadBefore, loadAverage(), runs,
                rejects, duplicates);
    }

    private void warmUp() throws Exception {
        int n = Math.min(WARM_UP_MESSAGES, options.messages());
        progress.println("[bench] warm-up: " + n + " messages to the raw subscriber, " + n + " sightings to the gateway");
        Phase raw = rawPhase(n);
        Phase gateway = gatewayPhase(n);
        progress.println("[bench] warm-up: the raw subscriber received " + raw.arrived() + " of " + n + ", the server received "
                + gateway.received() + " and accepted " + gateway.arrived() + " of " + n);
        Thread.sleep(SETTLE_MS);
    }

    private RunResult runOnce(int run) throws Exception {
        String label = "[bench] run " + run + "/" + options.runs();
        int n = options.messages();
        double rejectedBefore = api.metrics().sum(REJECTED, Map.of());
        Phase raw = rawPhase(n);
        progress.printf("%s raw: %d published, %d arrived; %.0f/s over %.0f ms with %d behind at the last publish%n", label, n, raw.arrived(),
                raw.perSec(), raw.measuredMs(), raw.behind());
        Thread.sleep(SETTLE_MS);
        Phase gateway = gatewayPhase(n);
        progress.printf("%s gateway: %d published, %d received, %d accepted; %.0f/s over %.0f ms with %d behind at the last publish"
                + " (%.2f of raw)%n", label, n, gateway.received(), gateway.arrived(), gateway.perSec(), gateway.measuredMs(), gateway.behind(),
                gateway.perSec() / raw.perSec());
        for (Phase phase : List.of(raw, gateway)) {
            if (phase.behind() <= 2L * publisher.window()) {
                progress.printf("%s note: the %s consumer kept up with the publisher, so its rate is the publisher's, a lower bound%n", label,
                        phase == raw ? "raw" : "gateway");
            }
        }
        Thread.sleep(SETTLE_MS);
        Paced paced = pacedPhase(raw.perSec() / 2);
        progress.printf("%s paced: %d messages at %.0f/s (target %.0f/s), all handled %.0f ms after the last publish; handling p50 %.3f ms,"
                        + " p99 %.3f ms, max bucket %.3f ms (%d observations)%n", label, paced.messages(), paced.perSec(), raw.perSec() / 2,
                paced.drainMs(), paced.handling().p50(), paced.handling().p99(), paced.handling().max(), paced.handling().count());
        Thread.sleep(SETTLE_MS);
        long rejected = Math.round(api.metrics().sum(REJECTED, Map.of()) - rejectedBefore);
        return new RunResult(raw.perSec(), raw.arrived(), raw.behind(), gateway.perSec(), gateway.arrived(), gateway.received(), gateway.behind(),
                paced.perSec(), paced.messages(), paced.drainMs(), paced.handling(), rejected);
    }

    /** A consumer's count (arrived, or accepted) read at one instant. */
    private record Reading(long nanos, long count) {
    }

    /** The readings when a fifth and when all of a flood's messages were published. */
    private record Flood(Reading first, Reading last) {
    }

    /**
     * What one flood phase measured.
     *
     * @param perSec     the consumer's rate between the readings at 1/5 and at all of the messages published
     * @param measuredMs the time between those readings
     * @param behind     published but not yet consumed at the last publish: far above the publisher's window means the consumer was the bottleneck
     * @param arrived    consumed in the end (arrived at the raw subscriber, or accepted by the server)
     * @param received   for the gateway: messages the server received (its {@code messages} counter)
     */
    private record Phase(double perSec, double measuredMs, long behind, long arrived, long received) {

        static Phase of(int n, Flood flood, long arrived, long received) {
            double nanos = flood.last().nanos() - flood.first().nanos();
            return new Phase(nanos > 0 ? (flood.last().count() - flood.first().count()) / (nanos / 1e9) : Double.NaN, nanos / 1e6,
                    n - flood.last().count(), arrived, received);
        }
    }

    /**
     * Publishes {@code n} messages as fast as the broker acknowledges them, reading the consumer's
     * count when a fifth of them and when all of them are published. While the consumer is behind,
     * that is its own rate, whether or not the broker drops what does not fit into its queue.
     */
    private Flood flood(int n, IntFunction<String> topic, Callable<Reading> read) throws Exception {
        Reading first = null;
        for (int i = 0; i < n; i++) {
            if (i == n / 5) {
                first = read.call();
            }
            publisher.publish(topic.apply(i), sightings.next());
        }
        Reading last = read.call();
        publisher.drain();
        return new Flood(first, last);
    }

    private Phase rawPhase(int n) throws Exception {
        raw.expect(n);
        Flood flood = flood(n, i -> rawTopic, () -> new Reading(System.nanoTime(), raw.arrived()));
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PHASE_TIMEOUT_MS);
        long seen = raw.arrived();
        long seenAt = System.nanoTime();
        while (!raw.await(POLL_MS)) {
            long now = System.nanoTime();
            if (raw.arrived() != seen) {
                seen = raw.arrived();
                seenAt = now;
            } else if (now - seenAt > TimeUnit.MILLISECONDS.toNanos(STALL_MS) || now > deadline) {
                break; // the broker dropped the rest
            }
        }
        if (raw.arrived() == 0) {
            throw new IllegalStateException("the raw subscriber received none of " + n + " messages on " + rawTopic);
        }
        return Phase.of(n, flood, raw.arrived(), raw.arrived());
    }

    private Phase gatewayPhase(int n) throws Exception {
        PrometheusText before = api.metrics();
        ToLongFunction<PrometheusText> accepted = scrape -> Math.round(scrape.sum(ACCEPTED, Map.of()) - before.sum(ACCEPTED, Map.of()));
        Flood flood = flood(n, i -> topics.get(i % topics.size()), () -> {
            long sent = System.nanoTime();
            PrometheusText scrape = api.metrics();
            return new Reading((sent + System.nanoTime()) / 2, accepted.applyAsLong(scrape)); // the server read its counters in between
        });
        Settled settled = settle(accepted, n);
        long received = Math.round(settled.scrape().sum(MESSAGES, Map.of()) - before.sum(MESSAGES, Map.of()));
        return Phase.of(n, flood, settled.value(), received);
    }

    /**
     * @param drainMs  from the last publish until the server had handled all; NaN if it never did
     * @param handling the server's receipt-to-handed-on time for these messages
     */
    private record Paced(double perSec, long messages, double drainMs, RunResult.Handling handling) {
    }

    /** Publishes at {@code rate} for {@value #PACED_SECONDS} s and reads the handling histogram's delta. */
    private Paced pacedPhase(double rate) throws Exception {
        int count = (int) Math.max(1, Math.round(rate * PACED_SECONDS));
        Histogram before = api.metrics().histogram(HANDLING, MQTT);
        long interval = Math.round(1e9 / rate);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            publisher.publish(topics.get(i % topics.size()), sightings.next());
        }
        long end = System.nanoTime();
        publisher.drain();
        Settled handled = settle(scrape -> scrape.histogram(HANDLING, MQTT).minus(before).count(), count);
        double drainMs = handled.value() < count ? Double.NaN : (handled.reachedNanos() - end) / 1e6;
        return new Paced(count / ((end - start) / 1e9), count, drainMs, RunResult.Handling.of(handled.scrape().histogram(HANDLING, MQTT).minus(before)));
    }

    /** The last scrape, the value read from it, and when that value was first seen. */
    private record Settled(PrometheusText scrape, long value, long reachedNanos) {
    }

    /**
     * Scrapes {@code /metrics} every {@value #POLL_MS} ms until {@code value} reaches {@code target},
     * stands still for {@value #STALL_MS} ms (the broker dropped the rest), or {@value #PHASE_TIMEOUT_MS} ms have passed.
     */
    private Settled settle(ToLongFunction<PrometheusText> value, long target) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PHASE_TIMEOUT_MS);
        PrometheusText scrape = api.metrics();
        long current = value.applyAsLong(scrape);
        long seenAt = System.nanoTime();
        while (current < target) {
            long now = System.nanoTime();
            if (now - seenAt > TimeUnit.MILLISECONDS.toNanos(STALL_MS) || now > deadline) {
                break;
            }
            Thread.sleep(POLL_MS);
            scrape = api.metrics();
            long next = value.applyAsLong(scrape);
            if (next != current) {
                current = next;
                seenAt = System.nanoTime();
            }
        }
        return new Settled(scrape, current, seenAt);
    }

    private static Map<String, Long> delta(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Long> delta = new TreeMap<>();
        after.forEach((reason, value) -> {
            long d = Math.round(value - before.getOrDefault(reason, 0.0));
            if (d != 0) {
                delta.put(reason, d);
            }
        });
        return delta;
    }

    /** Like the server's own generated admin tokens: {@code nca_} and 256 random bits. */
    private static String adminToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return "nca_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static double loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? Double.NaN : load;
    }
}
