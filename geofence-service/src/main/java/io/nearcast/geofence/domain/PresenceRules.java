package io.nearcast.geofence.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * How sightings and fixes become zone visits. Every constructor validates and throws
 * {@link IllegalArgumentException} naming the component.
 *
 * @param reorderWindow how long an observation waits for earlier ones that are still on their way:
 *                      observations are processed in time order once they are this much older
 *                      than the newest one seen, or have waited this long (wall clock); one older
 *                      than the last processed is late (counted, not used). Zero processes at once
 * @param defaultDwell  a zone's dwell time when the zone sets none
 * @param beacon        the beacon proximity model
 * @param gps           the GPS fix model
 */
public record PresenceRules(Duration reorderWindow, Duration defaultDwell, BeaconRules beacon, GpsRules gps) {

    public PresenceRules {
        requireNotNegative("reorderWindow", reorderWindow);
        requirePositive("defaultDwell", defaultDwell);
        Objects.requireNonNull(beacon, "beacon");
        Objects.requireNonNull(gps, "gps");
    }

    /** The defaults documented in docs/operations.md. */
    public static PresenceRules defaults() {
        return new PresenceRules(Duration.ofSeconds(1), Duration.ofSeconds(30), BeaconRules.defaults(), GpsRules.defaults());
    }

    /**
     * How long a shopper's state is kept after the last observation: long enough for every
     * silence timeout to end the visits, no longer (data minimisation).
     */
    public Duration idleExpiry() {
        Duration longest = beacon.silence().compareTo(gps.silence()) >= 0 ? beacon.silence() : gps.silence();
        return longest.plus(reorderWindow).plusSeconds(1);
    }

    public PresenceRules withReorderWindow(Duration window) {
        return new PresenceRules(window, defaultDwell, beacon, gps);
    }

    public PresenceRules withDefaultDwell(Duration dwell) {
        return new PresenceRules(reorderWindow, dwell, beacon, gps);
    }

    public PresenceRules withBeacon(BeaconRules rules) {
        return new PresenceRules(reorderWindow, defaultDwell, rules, gps);
    }

    public PresenceRules withGps(GpsRules rules) {
        return new PresenceRules(reorderWindow, defaultDwell, beacon, rules);
    }

    /**
     * The beacon model: per shopper and anchor, the RSSI is smoothed by a one-dimensional Kalman
     * filter (random-walk model); the distance follows the log-distance path-loss model
     * {@code rssi = txPower − 10 n log10(d)}. The shopper's zone is the zone of the nearest anchor,
     * with hysteresis: another zone takes over only when its signal exceeds the current zone's by
     * {@code marginDb} for {@code switchTime}; a zone is entered only within {@code rangeMeters}
     * and left when its signal falls {@code marginDb} below that (for {@code switchTime}) or
     * nothing of it is heard for {@code silence}.
     *
     * @param silence          no sighting of the current zone's anchors for this long (wall clock) ends the visit
     * @param marginDb         hysteresis margin, dB, 0 or more
     * @param switchTime       how long a change must hold before it counts, 0 or more
     * @param rangeMeters      the largest estimated distance at which an anchor puts the shopper in its zone
     * @param pathLossExponent n of the path-loss model: 2 in free space, 2.5–4 indoors
     * @param processNoise     Kalman process noise, dB² per second: how fast the true signal may wander
     * @param measurementNoise Kalman measurement noise, dB²: the variance of one RSSI reading
     * @param staleDecayDbPerSecond how fast an anchor that is no longer heard loses signal (dB/s),
     *                         after {@code staleGrace}; packets stop when a shopper walks out of range
     * @param staleGrace       gap before an unheard anchor starts to decay (missed packets are normal)
     * @param maxAnchors       anchors remembered per shopper (the least recently heard goes first)
     */
    public record BeaconRules(Duration silence, double marginDb, Duration switchTime, double rangeMeters, double pathLossExponent,
                              double processNoise, double measurementNoise, double staleDecayDbPerSecond, Duration staleGrace,
                              int maxAnchors) {

        public BeaconRules {
            requirePositive("silence", silence);
            requireAtLeast("marginDb", marginDb, 0);
            requireNotNegative("switchTime", switchTime);
            requireAbove("rangeMeters", rangeMeters, 0);
            requireAbove("pathLossExponent", pathLossExponent, 0);
            requireAbove("processNoise", processNoise, 0);
            requireAbove("measurementNoise", measurementNoise, 0);
            requireAtLeast("staleDecayDbPerSecond", staleDecayDbPerSecond, 0);
            requireNotNegative("staleGrace", staleGrace);
            if (maxAnchors < 1 || maxAnchors > 64) {
                throw new IllegalArgumentException("maxAnchors must be 1 to 64, got " + maxAnchors);
            }
        }

        public static BeaconRules defaults() {
            return new BeaconRules(Duration.ofSeconds(30), 6, Duration.ofSeconds(5), 10, 2.0, 0.5, 25, 1.0, Duration.ofSeconds(3), 8);
        }

        /** The smoothed signal above which an anchor is in range: {@code −10 n log10(range)} dB relative to 1 m. */
        public double enterSignalDb() {
            return -10 * pathLossExponent * Math.log10(rangeMeters);
        }

        public BeaconRules withSilence(Duration value) {
            return new BeaconRules(value, marginDb, switchTime, rangeMeters, pathLossExponent, processNoise, measurementNoise, staleDecayDbPerSecond, staleGrace, maxAnchors);
        }

        public BeaconRules withMarginDb(double value) {
            return new BeaconRules(silence, value, switchTime, rangeMeters, pathLossExponent, processNoise, measurementNoise, staleDecayDbPerSecond, staleGrace, maxAnchors);
        }

        public BeaconRules withSwitchTime(Duration value) {
            return new BeaconRules(silence, marginDb, value, rangeMeters, pathLossExponent, processNoise, measurementNoise, staleDecayDbPerSecond, staleGrace, maxAnchors);
        }

        public BeaconRules withRangeMeters(double value) {
            return new BeaconRules(silence, marginDb, switchTime, value, pathLossExponent, processNoise, measurementNoise, staleDecayDbPerSecond, staleGrace, maxAnchors);
        }

        public BeaconRules withPathLossExponent(double value) {
            return new BeaconRules(silence, marginDb, switchTime, rangeMeters, value, processNoise, measurementNoise, staleDecayDbPerSecond, staleGrace, maxAnchors);
        }
    }

    /**
     * The GPS model: a fix less accurate than {@code maxAccuracyMeters} is ignored; one that would
     * need more than {@code maxSpeedMetersPerSecond} from the last accepted fix (after allowing for
     * both accuracy radii) is suspicious and ignored. A zone is entered when the accuracy circle
     * lies within it and left when the circle no longer touches it, or when no fix arrived for
     * {@code silence}.
     */
    public record GpsRules(double maxAccuracyMeters, double maxSpeedMetersPerSecond, Duration silence) {

        public GpsRules {
            requireAbove("maxAccuracyMeters", maxAccuracyMeters, 0);
            requireAbove("maxSpeedMetersPerSecond", maxSpeedMetersPerSecond, 0);
            requirePositive("silence", silence);
        }

        public static GpsRules defaults() {
            return new GpsRules(50, 70, Duration.ofMinutes(10));
        }
    }

    private static void requireNotNegative(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, got " + value);
        }
    }

    private static void requirePositive(String name, Duration value) {
        requireNotNegative(name, value);
        if (value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    private static void requireAbove(String name, double value, double bound) {
        if (!(value > bound) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number above " + bound + ", got " + value);
        }
    }

    private static void requireAtLeast(String name, double value, double bound) {
        if (!(value >= bound) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number of at least " + bound + ", got " + value);
        }
    }
}
