package io.nearcast.gateway.domain.ingest;

import io.nearcast.gateway.domain.frames.BeaconFrame;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One shopper-app report through the gateway: the {@link Admission} gate (a registered shopper,
 * else {@code unknown-shopper}; the shopper's rate limit; de-duplication), the time rules of
 * {@link ReportCheck}, then each beacon and the GPS fix are checked. Then privacy by default: the
 * {@link ShopperConsent} port is asked at every report. With {@code location} consent the
 * sightings carry the shopper's id and the fix is handed on; without it the sightings are handed
 * on as {@link Observer.AnonymousShopper} (for anonymous footfall only) and the fix is dropped
 * (counted). Beacons the registry does not know are counted, not handed on. Thread-safe.
 */
public final class ShopperIngest {

    static final int MAX_BEACONS = 50;
    static final int MAX_ACCURACY_METERS = 10_000;
    private static final Pattern ALT_ID1 = Pattern.compile("[0-9a-fA-F]{32}");

    private final Admission admission;
    private final ReportCheck check;
    private final BeaconDirectory beacons;
    private final ShopperConsent consent;
    private final SightingSink sightings;
    private final FixSink fixes;
    private final IngestCounters counters;

    public ShopperIngest(KnownShoppers shoppers, DeviceRateLimits limits, RecentMessages recent, ReportCheck check, BeaconDirectory beacons,
                         ShopperConsent consent, SightingSink sightings, FixSink fixes, IngestCounters counters) {
        this.admission = new Admission((store, shopperId) -> shoppers.exists(shopperId), limits, recent, counters,
                new Reject("unknown-shopper", "no registered shopper with this id"));
        this.check = check;
        this.beacons = beacons;
        this.consent = consent;
        this.sightings = sightings;
        this.fixes = fixes;
        this.counters = counters;
    }

    /** Whether a shopper id is registered (and not erased). */
    @FunctionalInterface
    public interface KnownShoppers {
        boolean exists(String shopperId);
    }

    public ScannerIngest.Result handle(String messageKey, ShopperReport report, long nowNanos) {
        Optional<ScannerIngest.Result> stopped = admission.stop(messageKey, null, report.shopperId(), nowNanos);
        if (stopped.isPresent()) {
            return stopped.get();
        }
        Optional<Reject> problem = check.checkTime(report.ts()).or(() -> checkShape(report));
        if (problem.isPresent()) {
            admission.forget(messageKey);
            counters.rejected(problem.get().reason());
            return new ScannerIngest.Result(0, false, List.of(problem.get()));
        }
        Instant at = Instant.ofEpochMilli(report.ts());
        boolean located = consent.mayLocate(report.shopperId());
        Observer observer = located ? new Observer.Shopper(report.shopperId()) : new Observer.AnonymousShopper();
        List<Reject> rejects = new ArrayList<>();
        List<NormalizedSighting> accepted = new ArrayList<>();
        List<ShopperReport.Beacon> seen = report.beacons() == null ? List.of() : report.beacons();
        for (int i = 0; i < seen.size(); i++) {
            Optional<Reject> bad = checkBeacon(seen.get(i), "beacons[" + i + "]");
            if (bad.isPresent()) {
                rejects.add(bad.get());
                counters.rejected(bad.get().reason());
                continue;
            }
            BeaconFrame frame = frame(seen.get(i));
            Optional<KnownBeacon> beacon = beacons.resolve(frame, null, at);
            if (beacon.isEmpty()) {
                counters.unknownBeacon();
                continue;
            }
            accepted.add(NormalizedSighting.of(beacon.get(), observer, frame, seen.get(i).rssi(), at));
        }
        if (!accepted.isEmpty()) {
            sightings.accept(accepted);
            counters.accepted(accepted.size());
            if (!located) {
                counters.anonymous(accepted.size());
            }
        }
        int handedOn = accepted.size() + handOnFix(report, located, at);
        return new ScannerIngest.Result(handedOn, false, rejects);
    }

    /** A message refused before its content could be read (counted). */
    public ScannerIngest.Result refuse(Reject reject) {
        return admission.refuse(reject);
    }

    private int handOnFix(ShopperReport report, boolean located, Instant at) {
        ShopperReport.Location location = report.location();
        if (location == null) {
            return 0;
        }
        if (!located) {
            counters.fixWithoutConsent();
            return 0;
        }
        fixes.accept(new PositionFix(report.shopperId(), location.lat(), location.lon(), location.accuracyMeters(), at));
        counters.fix();
        return 1;
    }

    /** The report as a whole: something to process, not too much, a well-formed fix. */
    private static Optional<Reject> checkShape(ShopperReport report) {
        int count = report.beacons() == null ? 0 : report.beacons().size();
        if (count == 0 && report.location() == null) {
            return Optional.of(new Reject("beacons-missing", "a report needs beacons (1 to " + MAX_BEACONS + ") or a location"));
        }
        if (count > MAX_BEACONS) {
            return Optional.of(new Reject("too-many-beacons", count + " beacons; at most " + MAX_BEACONS + " per report"));
        }
        return report.location() == null ? Optional.empty() : checkLocation(report.location());
    }

    private static Optional<Reject> checkLocation(ShopperReport.Location location) {
        if (location.lat() == null || !(location.lat() >= -90 && location.lat() <= 90)) {
            return Optional.of(new Reject("location-invalid", "location.lat must be -90 to 90 (WGS 84 degrees)"));
        }
        if (location.lon() == null || !(location.lon() >= -180 && location.lon() <= 180)) {
            return Optional.of(new Reject("location-invalid", "location.lon must be -180 to 180 (WGS 84 degrees)"));
        }
        if (location.accuracyMeters() == null || !(location.accuracyMeters() > 0 && location.accuracyMeters() <= MAX_ACCURACY_METERS)) {
            return Optional.of(new Reject("location-invalid", "location.accuracyMeters must be above 0 and at most " + MAX_ACCURACY_METERS));
        }
        return Optional.empty();
    }

    private static Optional<Reject> checkBeacon(ShopperReport.Beacon beacon, String at) {
        if (beacon == null) {
            return Optional.of(new Reject("beacon-kind", at + " is null"));
        }
        if (!"ibeacon".equals(beacon.kind()) && !"altbeacon".equals(beacon.kind())) {
            return Optional.of(new Reject("beacon-kind", at + ".kind must be ibeacon or altbeacon"));
        }
        if (!validId(beacon)) {
            return Optional.of(new Reject("beacon-uuid", at + ".uuid must be " + ("ibeacon".equals(beacon.kind())
                    ? "a UUID (8-4-4-4-12 hex digits)" : "32 hex digits (AltBeacon id1)")));
        }
        if (beacon.major() == null || beacon.major() < 0 || beacon.major() > 65_535) {
            return Optional.of(new Reject("beacon-major", at + ".major must be 0 to 65535"));
        }
        if (beacon.minor() == null || beacon.minor() < 0 || beacon.minor() > 65_535) {
            return Optional.of(new Reject("beacon-minor", at + ".minor must be 0 to 65535"));
        }
        if (beacon.rssi() == null || beacon.rssi() < ReportCheck.MIN_RSSI || beacon.rssi() > ReportCheck.MAX_RSSI) {
            return Optional.of(new Reject("rssi-out-of-range", at + ".rssi must be " + ReportCheck.MIN_RSSI + " to " + ReportCheck.MAX_RSSI + " dBm"));
        }
        if (beacon.txPower() != null && (beacon.txPower() < ReportCheck.MIN_RSSI || beacon.txPower() > ReportCheck.MAX_RSSI)) {
            return Optional.of(new Reject("tx-power-out-of-range", at + ".txPower must be " + ReportCheck.MIN_RSSI + " to " + ReportCheck.MAX_RSSI + " dBm"));
        }
        return Optional.empty();
    }

    private static boolean validId(ShopperReport.Beacon beacon) {
        String id = beacon.uuid();
        if (id == null) {
            return false;
        }
        if ("altbeacon".equals(beacon.kind())) {
            return ALT_ID1.matcher(id).matches();
        }
        try {
            return id.length() == 36 && UUID.fromString(id) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The frame the app saw; tx power 0 when the app did not report it (the registry's calibration applies). */
    private static BeaconFrame frame(ShopperReport.Beacon beacon) {
        int txPower = beacon.txPower() == null ? 0 : beacon.txPower();
        if ("ibeacon".equals(beacon.kind())) {
            return new BeaconFrame.IBeacon(UUID.fromString(beacon.uuid()), beacon.major(), beacon.minor(), txPower);
        }
        // the app does not report the AltBeacon's manufacturer id: 0 stands for "not reported"
        return new BeaconFrame.AltBeacon(0, beacon.uuid().toLowerCase(Locale.ROOT), beacon.major(), beacon.minor(), txPower, 0);
    }
}
