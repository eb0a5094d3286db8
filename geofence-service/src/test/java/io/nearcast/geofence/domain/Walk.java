package io.nearcast.geofence.domain;

import java.util.ArrayList;
import java.util.List;

/** A scripted path on the floor plan: straight legs between waypoints at a walking speed, and pauses. */
final class Walk {

    /** Where the shopper is at a time since the start of the walk. */
    record Position(double x, double y) {
    }

    private record Leg(double x0, double y0, double x1, double y1, long startMs, long endMs) {
    }

    private final List<Leg> legs = new ArrayList<>();
    private double x;
    private double y;
    private long end;

    private Walk(double x, double y) {
        this.x = x;
        this.y = y;
    }

    static Walk from(double x, double y) {
        return new Walk(x, y);
    }

    /** Walks straight to (x1, y1) at the speed in m/s. */
    Walk to(double x1, double y1, double metresPerSecond) {
        long duration = Math.round(Math.hypot(x1 - x, y1 - y) / metresPerSecond * 1000);
        legs.add(new Leg(x, y, x1, y1, end, end + duration));
        x = x1;
        y = y1;
        end += duration;
        return this;
    }

    /** Stands still for the given number of seconds. */
    Walk pause(long seconds) {
        legs.add(new Leg(x, y, x, y, end, end + seconds * 1000));
        end += seconds * 1000;
        return this;
    }

    long durationMs() {
        return end;
    }

    Position at(long ms) {
        for (Leg leg : legs) {
            if (ms <= leg.endMs()) {
                double f = leg.endMs() == leg.startMs() ? 1 : (double) (ms - leg.startMs()) / (leg.endMs() - leg.startMs());
                f = Math.max(0, Math.min(1, f));
                return new Position(leg.x0() + f * (leg.x1() - leg.x0()), leg.y0() + f * (leg.y1() - leg.y0()));
            }
        }
        return new Position(x, y);
    }
}
