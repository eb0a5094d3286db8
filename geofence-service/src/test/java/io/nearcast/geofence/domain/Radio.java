package io.nearcast.geofence.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * A simulated BLE radio for scripted walks on a floor plan in metres: RSSI from the log-distance
 * path-loss model plus noise, packets missed at random, nothing heard below the receiver's floor.
 */
final class Radio {

    static final String STORE = "store-1";
    /** Below this a phone hears nothing (dBm). */
    static final int SENSITIVITY = -100;

    record Beacon(String anchorId, String zoneId, double x, double y, int txPower) {
    }

    /** Noise added to each reading, dB. */
    interface Noise {
        double sample(Random random);

        static Noise gaussian(double sigma) {
            return random -> random.nextGaussian() * sigma;
        }

        static Noise uniform(double halfWidth) {
            return random -> (random.nextDouble() * 2 - 1) * halfWidth;
        }

        static Noise none() {
            return random -> 0;
        }
    }

    private final List<Beacon> beacons;
    private final double exponent;
    private final Noise noise;
    private final double missRate;
    private final Random random;

    Radio(List<Beacon> beacons, double exponent, Noise noise, double missRate, long seed) {
        this.beacons = List.copyOf(beacons);
        this.exponent = exponent;
        this.noise = noise;
        this.missRate = missRate;
        this.random = new Random(seed);
    }

    /** One app report: what the phone at (x, y) hears at that moment. */
    List<ProximitySighting> report(String shopperId, double x, double y, Instant at) {
        List<ProximitySighting> heard = new ArrayList<>();
        for (Beacon beacon : beacons) {
            double distance = Math.max(0.3, Math.hypot(beacon.x() - x, beacon.y() - y));
            if (random.nextDouble() < missRate) {
                continue;
            }
            long rssi = Math.round(beacon.txPower() - 10 * exponent * Math.log10(distance) + noise.sample(random));
            if (rssi < SENSITIVITY) {
                continue;
            }
            heard.add(new ProximitySighting(STORE, Optional.ofNullable(shopperId), beacon.anchorId(), Optional.of(beacon.zoneId()),
                    (int) Math.min(20, rssi), beacon.txPower(), at));
        }
        return heard;
    }
}
