package io.nearcast.kernel.domain;

/** The caller is known but its role does not allow this action. The REST edge answers 403. */
public final class Forbidden extends RuntimeException {

    public Forbidden(String reason) {
        super(reason, null, false, false);
    }
}
