package io.nearcast.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * A UTC clock that stands still until the test moves or sets it. Thread-safe for readers (the
 * instant is volatile), so code under test may read it from many threads while one test thread
 * moves it.
 */
public final class MovableClock extends Clock {

    private volatile Instant now;

    public MovableClock(Instant start) {
        this.now = start;
    }

    public synchronized void advance(Duration by) {
        now = now.plus(by);
    }

    public void set(Instant at) {
        now = at;
    }

    /** The instant of this wall-clock time in its zone (so DST is the zone's business, not a fixed offset). */
    public void set(ZonedDateTime at) {
        set(at.toInstant());
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
        return now;
    }
}
