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
    private final Map<String, LongAdder> rejected = new ConcurrentHashMap<>();

    void message() {
        messages.increment();
    }

    void accepted(int sightings) {
        accepted.add(sightings);
    }

    void duplicate() {
        duplicates.increment();
    }

    void rejected(String reason) {
        rejected.computeIfAbsent(reason, key -> new LongAdder()).increment();
    }

    public long messages() {
        return messages.sum();
    }

    public long acceptedSightings() {
        return accepted.sum();
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
