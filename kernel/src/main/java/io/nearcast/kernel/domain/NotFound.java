package io.nearcast.kernel.domain;

/**
 * The resource does not exist, or the caller may not know that it does (another store's data is
 * answered as not found, so ids cannot be probed). The REST edge answers 404.
 */
public final class NotFound extends RuntimeException {

    public NotFound(String what) {
        super(what + " not found", null, false, false);
    }
}
