package io.nearcast.gateway.domain.ingest;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** What the gateway received, accepted, dropped as a duplicate and rejected (by reason). Thread-safe; exported as metrics. */
public final class IngestCounters {

    private final LongAdder messages = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder scans = new LongAdder();
    private final LongAdder unknownBeacons = new LongAdder();
    private final LongAdder foreignBeacons = new LongAdder();
    private final LongAdder tlmUnattributed = new LongAdder();
    private final LongAdder telemetryWritten = new LongAdder();
    private final LongAdder telemetryThrottled = new LongAdder();
    private final LongAdder anonymous = new LongAdder();
    private final LongAdder broadcasts = new LongAdder();
    private final LongAdder fixes = new LongAdder();
    private final LongAdder fixesWithoutConsent = new LongAdder();
    private final Map<String, LongAdder> rejected = new ConcurrentHashMap<>();

    void message() {
        messages.increment();
    }

    void accepted(int sightings) {
        accepted.add(sightings);
    }

    void acceptedScan() {
        scans.increment();
    }

    void unknownBeacon() {
        unknownBeacons.increment();
    }

    void unattributedTlm() {
        tlmUnattributed.increment();
    }

    void telemetryWrite() {
        telemetryWritten.increment();
    }

    void telemetryThrottle() {
        telemetryThrottled.increment();
    }

    void foreignBeacon() {
        foreignBeacons.increment();
    }

    void anonymous(int sightings) {
        anonymous.add(sightings);
    }

    void broadcasts(int heard) {
        broadcasts.add(heard);
    }

    void fix() {
        fixes.increment();
    }

    void fixWithoutConsent() {
        fixesWithoutConsent.increment();
    }

    void duplicate() {
        duplicates.increment();
    }

    void rejected(String reason) {
        rejected.computeIfAbsent(reason, key -> new LongAdder()).increment();
    }

    /** Shopper-app broadcasts scanners heard and handed on (with or without the shopper's id). */
    public long broadcasts() {
        return broadcasts.sum();
    }

    public long messages() {
        return messages.sum();
    }

    public long acceptedSightings() {
        return accepted.sum();
    }

    /** Tag scans handed on. */
    public long acceptedScans() {
        return scans.sum();
    }

    /** TLM frames that could not be attributed to a registered beacon (no address, or an address not seen with one). */
    public long tlmUnattributed() {
        return tlmUnattributed.sum();
    }

    /** Beacon telemetry written to the registry (last heard, battery, temperature). */
    public long telemetryWritten() {
        return telemetryWritten.sum();
    }

    /** Beacon telemetry not written because the beacon's last write was too recent. */
    public long telemetryThrottled() {
        return telemetryThrottled.sum();
    }

    /** Beacons of another store that a scanner heard (counted, not handed on). */
    public long foreignBeacons() {
        return foreignBeacons.sum();
    }

    /** Frames of beacons the registry does not know, or that identify no beacon (counted, not handed on). */
    public long unknownBeacons() {
        return unknownBeacons.sum();
    }

    /** Shopper sightings handed on without the shopper's id (no location consent); included in {@link #acceptedSightings()}. */
    public long anonymousSightings() {
        return anonymous.sum();
    }

    /** GPS fixes handed on. */
    public long fixes() {
        return fixes.sum();
    }

    /** GPS fixes dropped because the shopper has not consented to be located. */
    public long fixesWithoutConsent() {
        return fixesWithoutConsent.sum();
    }

    public long duplicates() {
        return duplicates.sum();
    }

    /** Rejections by reason, sorted by reason. */
    public Map<String, Long> rejectedByReason() {
        Map<String, Long> snapshot = new TreeMap<>();
        rejected.forEach((reason, count) -> snapshot.put(reason, count.sum()));
        return snapshot;
    }
}
