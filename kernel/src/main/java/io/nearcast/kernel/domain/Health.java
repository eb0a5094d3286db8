package io.nearcast.kernel.domain;

import java.util.Objects;

/**
 * The state of one component at the moment it was checked.
 *
 * @param status UP when the component does its job now, DOWN otherwise
 * @param detail a short human-readable explanation; never contains secrets or personal data
 */
public record Health(Status status, String detail) {

    /** Whether a component can do its job right now. */
    public enum Status { UP, DOWN }

    public Health {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }

    public static Health up(String detail) {
        return new Health(Status.UP, detail);
    }

    public static Health down(String detail) {
        return new Health(Status.DOWN, detail);
    }

    public boolean isUp() {
        return status == Status.UP;
    }
}
