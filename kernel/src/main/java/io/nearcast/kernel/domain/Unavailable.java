package io.nearcast.kernel.domain;

/**
 * A part Nearcast depends on (e.g. the external MQTT broker) did not confirm a change in time;
 * nothing was changed and the request may be retried. The REST edge answers 503 with Retry-After.
 */
public final class Unavailable extends RuntimeException {

    public Unavailable(String reason, Throwable cause) {
        super(reason, cause, false, false);
    }
}
