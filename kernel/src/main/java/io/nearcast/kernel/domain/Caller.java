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

    public Caller {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(role, "role");
        storeIds = Set.copyOf(storeIds);
    }

    /** The administrator configured or generated at start-up. */
    public static Caller bootstrapAdmin() {
        return new Caller("admin", Role.ADMIN, Set.of());
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
