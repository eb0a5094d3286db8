package io.nearcast.campaign.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * A clock the test sets: at any moment it is one fixed {@link Clock} ({@link Clock#fixed}),
 * replaced by {@link #set} and {@link #advance}. Unlike {@code MovableClock} it may be read from
 * many threads (the fixed clock is swapped atomically).
 */
final class TestClock extends Clock {

    private volatile Clock fixed;

    TestClock(Instant start) {
        this.fixed = Clock.fixed(start, ZoneOffset.UTC);
    }

    void set(Instant at) {
        fixed = Clock.fixed(at, ZoneOffset.UTC);
    }

    /** The instant of this wall-clock time in its zone (so DST is the zone's business, not a fixed offset). */
    void set(ZonedDateTime at) {
        set(at.toInstant());
    }

    void advance(Duration by) {
        set(fixed.instant().plus(by));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return fixed.instant();
    }
}
