package io.nearcast.app.ingest;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.nearcast.gateway.domain.ingest.IngestCounters;
import java.time.Duration;
import java.util.function.ToDoubleFunction;

/**
 * The gateway's meters, read from the framework-free {@link IngestCounters} and the transports
 * when scraped: {@code nearcast.ingest.messages}, {@code .sightings.accepted}, {@code .scans.accepted},
 * {@code .duplicates}, {@code .rejected} (tag {@code reason}), the MQTT consumer's queue and
 * back-pressure counters, and a handling-time histogram per transport.
 */
public final class IngestMeters {

    private IngestMeters() {
    }

    /** Binds the counters; call {@link #refreshReasons} before each scrape so new reject reasons appear. */
    public static void bind(MeterRegistry meters, IngestCounters counters) {
        counter(meters, "nearcast.ingest.messages", "device messages received (all transports)", counters, IngestCounters::messages);
        counter(meters, "nearcast.ingest.sightings.accepted", "sightings handed on", counters, IngestCounters::acceptedSightings);
        counter(meters, "nearcast.ingest.scans.accepted", "tag scans handed on", counters, IngestCounters::acceptedScans);
        counter(meters, "nearcast.ingest.duplicates", "repeated messages dropped", counters, IngestCounters::duplicates);
        counter(meters, "nearcast.ingest.beacons.unknown", "frames of beacons nobody registered, or naming no beacon (dropped)", counters,
                IngestCounters::unknownBeacons);
        counter(meters, "nearcast.ingest.beacons.foreign", "frames of another store's beacons a scanner heard (dropped)", counters,
                IngestCounters::foreignBeacons);
        counter(meters, "nearcast.ingest.sightings.anonymous", "shopper sightings handed on without the shopper's id (no location consent)",
                counters, IngestCounters::anonymousSightings);
        counter(meters, "nearcast.ingest.broadcasts", "shopper-app broadcasts scanners heard and handed on (with the shopper's id only under location consent)",
                counters, IngestCounters::broadcasts);
        counter(meters, "nearcast.ingest.fixes", "GPS fixes handed on", counters, IngestCounters::fixes);
        counter(meters, "nearcast.ingest.telemetry.written", "beacon last-heard and TLM values written to the registry", counters,
                IngestCounters::telemetryWritten);
        counter(meters, "nearcast.ingest.telemetry.throttled", "beacon telemetry not written: the beacon's last write was under a minute ago",
                counters, IngestCounters::telemetryThrottled);
        counter(meters, "nearcast.ingest.tlm.unattributed", "TLM frames without an advertiser address seen with a registered beacon", counters,
                IngestCounters::tlmUnattributed);
        counter(meters, "nearcast.ingest.fixes.without.consent", "GPS fixes dropped: no location consent", counters,
                IngestCounters::fixesWithoutConsent);
        refreshReasons(meters, counters);
    }

    /** Registers a {@code nearcast.ingest.rejected} counter for every reason seen so far (idempotent). */
    public static void refreshReasons(MeterRegistry meters, IngestCounters counters) {
        for (String reason : counters.rejectedByReason().keySet()) {
            if (meters.find("nearcast.ingest.rejected").tag("reason", reason).functionCounter() != null) {
                continue; // registered at an earlier scrape (registering again makes Micrometer warn)
            }
            FunctionCounter.builder("nearcast.ingest.rejected", counters, c -> c.rejectedByReason().getOrDefault(reason, 0L))
                    .description("rejected messages or sightings, by reason")
                    .tag("reason", reason)
                    .register(meters);
        }
    }

    /** Receipt to handed on (or rejected), with percentiles and a histogram for Prometheus. */
    static Timer handlingTimer(MeterRegistry meters, String transport) {
        return Timer.builder("nearcast.ingest.handling")
                .description("time from receipt to handed on or rejected")
                .tag("transport", transport)
                .publishPercentiles(0.5, 0.99)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(10_000))
                .maximumExpectedValue(Duration.ofSeconds(5))
                .register(meters);
    }

    static void bindMqtt(MeterRegistry meters, MqttIngest ingest) {
        Gauge.builder("nearcast.ingest.queue", ingest, MqttIngest::queued).description("MQTT messages waiting for a worker").register(meters);
        counter(meters, "nearcast.ingest.backpressure.waits", "times Paho's thread waited for queue room (a broker ignoring Receive Maximum)",
                ingest, MqttIngest::backPressureWaits);
        counter(meters, "nearcast.ingest.redelivery.left", "messages left unacknowledged for redelivery after a disconnect",
                ingest, MqttIngest::leftForRedelivery);
        counter(meters, "nearcast.ingest.rejects.unpublished", "rejects that could not be published to the device's rejects topic",
                ingest, MqttIngest::rejectsUnpublished);
        counter(meters, "nearcast.ingest.reconnects", "reconnections to the broker, each with a new client",
                ingest, MqttIngest::clientRebuilds);
        counter(meters, "nearcast.ingest.stale.discarded", "queued messages of an earlier connection dropped (the broker redelivers them)",
                ingest, MqttIngest::staleDiscarded);
    }

    private static <T> void counter(MeterRegistry meters, String name, String description, T source, ToDoubleFunction<T> value) {
        FunctionCounter.builder(name, source, value).description(description).register(meters);
    }
}
