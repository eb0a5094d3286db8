package io.nearcast.gateway.domain.ingest;

import io.nearcast.gateway.domain.frames.BeaconFrames;
import io.nearcast.gateway.domain.frames.ParsedAdvertisement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Validates a scanner's report: a timestamp neither in the future beyond the allowed clock skew
 * nor older than the accepted age, 1 to {@code maxSightings} entries, RSSI within the range BLE
 * defines (-127 to +20 dBm), and an advertisement the frame parser understands. A message-level
 * problem rejects the whole report; an entry-level one rejects only that entry. Thread-safe.
 */
public final class ReportCheck {

    /** BLE Core Spec: RSSI is reported from -127 to +20 dBm. */
    static final int MIN_RSSI = -127;
    static final int MAX_RSSI = 20;
    /** A BLE device address, six bytes in hex separated by colons. */
    private static final java.util.regex.Pattern BLE_ADDRESS = java.util.regex.Pattern.compile("[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}");

    private final Clock clock;
    private final Duration skew;
    private final Duration maxAge;
    private final int maxSightings;

    public ReportCheck(Clock clock, Duration skew, Duration maxAge, int maxSightings) {
        this.clock = clock;
        this.skew = skew;
        this.maxAge = maxAge;
        this.maxSightings = maxSightings;
    }

    /** What was accepted and what was rejected, with reasons. */
    public record Outcome(List<HeardFrame> accepted, List<Reject> rejects) {
    }

    public Outcome check(ScannerReport report) {
        Optional<Reject> late = checkTime(report.ts());
        if (late.isPresent()) {
            return new Outcome(List.of(), List.of(late.get()));
        }
        Instant seenAt = Instant.ofEpochMilli(report.ts());
        List<RawSighting> sightings = report.sightings() == null ? List.of() : report.sightings();
        if (sightings.isEmpty()) {
            return rejectAll("sightings-missing", "sightings must hold 1 to " + maxSightings + " entries");
        }
        if (sightings.size() > maxSightings) {
            return rejectAll("too-many-sightings", sightings.size() + " sightings; at most " + maxSightings + " per message");
        }
        List<HeardFrame> accepted = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        for (int i = 0; i < sightings.size(); i++) {
            RawSighting sighting = sightings.get(i) == null ? new RawSighting(null, null) : sightings.get(i);
            String at = "sightings[" + i + "]";
            if (sighting.rssi() == null || sighting.rssi() < MIN_RSSI || sighting.rssi() > MAX_RSSI) {
                rejects.add(new Reject("rssi-out-of-range", at + ".rssi must be " + MIN_RSSI + " to " + MAX_RSSI + " dBm"));
                continue;
            }
            ParsedAdvertisement parsed = BeaconFrames.parseHex(sighting.adv());
            if (parsed.rejection().isPresent()) {
                rejects.add(new Reject(parsed.rejection().get().reason(), at + ".adv: " + parsed.rejection().get().detail()));
                continue;
            }
            if (sighting.addr() != null && !BLE_ADDRESS.matcher(sighting.addr()).matches()) {
                rejects.add(new Reject("addr-invalid", at + ".addr must be a BLE address like AA:BB:CC:DD:EE:FF"));
                continue;
            }
            accepted.add(new HeardFrame(parsed.frame().orElseThrow(), sighting.rssi(), seenAt,
                    Optional.ofNullable(sighting.addr()).map(addr -> addr.toUpperCase(java.util.Locale.ROOT))));
        }
        return new Outcome(accepted, rejects);
    }

    /** The time rules for any device report: present, not ahead of the server by more than the skew, not older than the maximum age. */
    public Optional<Reject> checkTime(Long ts) {
        if (ts == null) {
            return Optional.of(new Reject("ts-missing", "ts (epoch milliseconds) is required"));
        }
        Instant now = clock.instant();
        Instant at = Instant.ofEpochMilli(ts);
        if (at.isAfter(now.plus(skew))) {
            return Optional.of(new Reject("ts-in-future", "ts is more than " + skew.toSeconds() + " s ahead of the server's clock"));
        }
        if (at.isBefore(now.minus(maxAge))) {
            return Optional.of(new Reject("ts-too-old", "ts is more than " + maxAge.toMinutes() + " min in the past"));
        }
        return Optional.empty();
    }

    private static Outcome rejectAll(String reason, String detail) {
        return new Outcome(List.of(), List.of(new Reject(reason, detail)));
    }
}
