package io.nearcast.kernel.domain;

import java.util.Objects;
import java.util.Set;

/**
 * Who is making a request, as established from its bearer token.
 *
 * @param actor    how the audit log names the caller, e.g. {@code admin} or {@code token:<id>}
 * @param role     what it may do
 * @param storeIds the stores a staff caller is scoped to (ids as text); empty for other roles
 */
public record Caller(String actor, Role role, Set<String> storeIds) {

    private static final String SHOPPER_ACTOR = "shopper:";

    public Caller {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(role, "role");
        storeIds = Set.copyOf(storeIds);
    }

    /** The administrator configured or generated at start-up. */
    public static Caller bootstrapAdmin() {
        return new Caller("admin", Role.ADMIN, Set.of());
    }

    /**
     * A shopper app, authenticated with its shopper token. Its actor names the shopper, so it must
     * never reach the audit log or any log: shopper self-service is not audited.
     */
    public static Caller shopper(String shopperId) {
        return new Caller(SHOPPER_ACTOR + shopperId, Role.SHOPPER, Set.of());
    }

    /** Whether this caller is the shopper with this id (a shopper may see and change only itself). */
    public boolean isShopper(String shopperId) {
        return role == Role.SHOPPER && actor.equals(SHOPPER_ACTOR + shopperId);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Whether this caller may see and change the store's data. */
    public boolean mayAccessStore(String storeId) {
        return isAdmin() || (role == Role.STAFF && storeIds.contains(storeId));
    }

    /** @throws Forbidden unless the caller is an administrator */
    public void requireAdmin(String action) {
        if (!isAdmin()) {
            throw new Forbidden(action + " needs an admin token");
        }
    }
}
