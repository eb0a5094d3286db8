package io.nearcast.registry.domain;

import io.nearcast.kernel.domain.Deletion;
import io.nearcast.kernel.domain.Conflict;
import io.nearcast.kernel.domain.NotFound;

/** Turns a repository's {@link Deletion} into the domain's answer. */
final class Deletions {

    private Deletions() {
    }

    /**
     * @param what        e.g. {@code zone <id>}
     * @param whyReferred why it cannot go, for the 409's message
     * @throws NotFound when it vanished concurrently
     * @throws Conflict when other rows still refer to it
     */
    static void require(Deletion deletion, String what, String whyReferred) {
        switch (deletion) {
            case DELETED -> {
            }
            case NOT_FOUND -> throw new NotFound(what);
            case IN_USE -> throw new Conflict(what + " cannot be deleted: " + whyReferred);
        }
    }
}
