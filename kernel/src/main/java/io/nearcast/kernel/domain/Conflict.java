package io.nearcast.kernel.domain;

/** The request clashes with what exists (e.g. the same beacon identifier twice). The REST edge answers 409. */
public final class Conflict extends RuntimeException {

    public Conflict(String reason) {
        super(reason, null, false, false);
    }
}
