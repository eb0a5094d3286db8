package io.nearcast.gateway.domain.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import io.nearcast.gateway.domain.frames.BeaconFrame;
import java.time.Duration;
import java.util.ArrayList;
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
    private final BeaconDirectory beacons;
    private final BeaconHealth health;
    private final SightingSink sink;
    private final ShopperBroadcasts broadcasts;
    private final BroadcastSink broadcastSink;
    private final IngestCounters counters;

    /** Without telemetry: what is learnt about beacons (last heard, TLM) is counted and discarded. */
    public ScannerIngest(KnownDevices devices, DeviceRateLimits limits, RecentMessages recent, ReportCheck check, BeaconDirectory beacons,
                         SightingSink sink, IngestCounters counters) {
        this(devices, limits, recent, check, beacons, new BeaconHealth(BeaconTelemetrySink.none(), Duration.ofMinutes(1), counters), sink, counters);
    }

    /** Without app broadcasts: an unregistered Eddystone-EID is an unknown beacon. */
    public ScannerIngest(KnownDevices devices, DeviceRateLimits limits, RecentMessages recent, ReportCheck check, BeaconDirectory beacons,
                         BeaconHealth health, SightingSink sink, IngestCounters counters) {
        this(devices, limits, recent, check, beacons, health, sink, ShopperBroadcasts.none(), BroadcastSink.none(), counters);
    }

    /**
     * @param broadcasts    resolves Eddystone-EIDs that are no registered beacon to shopper apps
     * @param broadcastSink where the apps' broadcasts the scanner heard go
     */
    public ScannerIngest(KnownDevices devices, DeviceRateLimits limits, RecentMessages recent, ReportCheck check, BeaconDirectory beacons,
                         BeaconHealth health, SightingSink sink, ShopperBroadcasts broadcasts, BroadcastSink broadcastSink, IngestCounters counters) {
        this.admission = new Admission(devices, limits, recent, counters);
        this.check = check;
        this.beacons = beacons;
        this.health = health;
        this.sink = sink;
        this.broadcasts = broadcasts;
        this.broadcastSink = broadcastSink;
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
        List<BroadcastSighting> apps = new ArrayList<>();
        List<NormalizedSighting> accepted = resolved(report, outcome.accepted(), apps, nowNanos);
        if (!accepted.isEmpty()) {
            sink.accept(accepted);
            counters.accepted(accepted.size());
        }
        if (!apps.isEmpty()) {
            broadcastSink.heard(apps);
            counters.broadcasts(apps.size());
        }
        outcome.rejects().forEach(reject -> counters.rejected(reject.reason()));
        if (outcome.accepted().isEmpty() && !outcome.rejects().isEmpty()) {
            admission.forget(messageKey); // nothing was taken: a repeat gets the same answer, not "duplicate"
        }
        return new Result(accepted.size() + apps.size(), false, outcome.rejects());
    }

    /**
     * The frames of registered beacons of the scanner's own store; an Eddystone-EID that is no
     * registered beacon but a Nearcast app's broadcast goes to {@code apps}; the rest is counted,
     * not handed on: frames that identify no beacon (URL; TLM goes to {@link BeaconHealth}), beacons
     * nobody registered, and beacons of another store (a neighbour's, heard through the wall).
     */
    private List<NormalizedSighting> resolved(ScannerReport report, List<HeardFrame> heard, List<BroadcastSighting> apps, long nowNanos) {
        Observer scanner = new Observer.Scanner(report.deviceId());
        List<NormalizedSighting> sightings = new ArrayList<>(heard.size());
        for (HeardFrame frame : heard) {
            if (frame.frame() instanceof BeaconFrame.EddystoneTlm tlm) {
                health.telemetry(report.storeId(), tlm, frame, nowNanos);
                continue;
            }
            Optional<KnownBeacon> beacon = beacons.resolve(frame.frame(), report.storeId(), frame.heardAt());
            if (beacon.isEmpty() && frame.frame() instanceof BeaconFrame.EddystoneEid eid && app(report, frame, eid, apps)) {
                continue;
            }
            if (beacon.isEmpty()) {
                counters.unknownBeacon();
            } else if (!beacon.get().storeId().equals(report.storeId())) {
                counters.foreignBeacon();
            } else {
                health.heard(report.storeId(), beacon.get(), frame, nowNanos);
                sightings.add(NormalizedSighting.of(beacon.get(), scanner, frame.frame(), frame.rssi(), frame.heardAt()));
            }
        }
        return sightings;
    }

    /** Whether the frame is a shopper app's broadcast; if so it is added to {@code apps}. */
    private boolean app(ScannerReport report, HeardFrame frame, BeaconFrame.EddystoneEid eid, List<BroadcastSighting> apps) {
        ShopperBroadcasts.Owner owner = broadcasts.resolve(HexFormat.of().parseHex(eid.eid()), frame.heardAt());
        if (owner.kind() == ShopperBroadcasts.Kind.NOT_OURS) {
            return false;
        }
        if (owner.kind() == ShopperBroadcasts.Kind.ANONYMOUS) {
            counters.anonymous(1);
        }
        apps.add(new BroadcastSighting(report.storeId(), report.deviceId(), owner.shopperId(), frame.rssi(), NormalizedSighting.eidPower(eid), frame.heardAt()));
        return true;
    }

    /** A message refused before its content could be read (unreadable, too large): counted as a message and a reject. */
    public Result refuse(Reject reject) {
        return admission.refuse(reject);
    }
}
