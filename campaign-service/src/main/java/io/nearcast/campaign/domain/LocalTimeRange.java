package io.nearcast.campaign.domain;

import java.time.LocalTime;
import java.util.Objects;

/**
 * A daily range of wall-clock time, from inclusive to exclusive; {@code from} after {@code to}
 * wraps midnight ({@code 21:00–07:00}). Read in the store's time zone, so a DST change moves it
 * with the clocks on the wall.
 */
public record LocalTimeRange(LocalTime from, LocalTime to) {

    public LocalTimeRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.equals(to)) {
            throw new IllegalArgumentException("an empty time range (from equals to)");
        }
    }

    public boolean contains(LocalTime time) {
        if (from.isBefore(to)) {
            return !time.isBefore(from) && time.isBefore(to);
        }
        return !time.isBefore(from) || time.isBefore(to);
    }

    public boolean wrapsMidnight() {
        return from.isAfter(to);
    }

    @Override
    public String toString() {
        return from + "-" + to;
    }
}
