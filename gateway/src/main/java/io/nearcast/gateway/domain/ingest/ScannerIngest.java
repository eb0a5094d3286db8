package io.nearcast.gateway.domain.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * One scanner message through the gateway: a registered, enabled device of the topic's store
 * first (else {@code unknown-device}), then the device's rate limit (a refused message is
 * not remembered, so its retry is not mistaken for a duplicate), then de-duplication (a repeated
 * delivery is acknowledged and dropped, counted), then validation; accepted sightings go to the
 * {@link SightingSink}, every reject is returned for the device's rejects topic and counted.
 * Nothing is dropped without a count. Thread-safe.
 */
public final class ScannerIngest {

    private final Admission admission;
    private final ReportCheck check;
    private final SightingSink sink;
    private final IngestCounters counters;

    public ScannerIngest(KnownDevices devices, DeviceRateLimits limits, RecentMessages recent, ReportCheck check, SightingSink sink,
                         IngestCounters counters) {
        this.admission = new Admission(devices, limits, recent, counters);
        this.check = check;
        this.sink = sink;
        this.counters = counters;
    }

    /**
     * What became of one message; the transport acknowledges it after this returned.
     *
     * @param accepted how many sightings were handed on
     */
    public record Result(int accepted, boolean duplicate, List<Reject> rejects) {
    }

    /** The de-duplication key of a message: SHA-256 over topic and payload (redeliveries carry both unchanged). */
    public static String messageKey(String topic, byte[] payload) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(topic.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(payload));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public Result handle(String messageKey, ScannerReport report, long nowNanos) {
        Optional<Result> stopped = admission.stop(messageKey, report.storeId(), report.deviceId(), nowNanos);
        if (stopped.isPresent()) {
            return stopped.get();
        }
        ReportCheck.Outcome outcome = check.check(report);
        if (!outcome.accepted().isEmpty()) {
            sink.accept(outcome.accepted());
            counters.accepted(outcome.accepted().size());
        }
        outcome.rejects().forEach(reject -> counters.rejected(reject.reason()));
        return new Result(outcome.accepted().size(), false, outcome.rejects());
    }

    /** A message refused before its content could be read (unreadable, too large): counted as a message and a reject. */
    public Result refuse(Reject reject) {
        return admission.refuse(reject);
    }
}
