package io.nearcast.kernel.domain;

/** What a bearer token may do (CONTRACT §2). */
public enum Role {
    /** Everything, in every store. */
    ADMIN,
    /** Only the stores the token is scoped to. */
    STAFF,
    /** Only its own shopper record. */
    SHOPPER;

    /** The wire name, e.g. {@code staff}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
