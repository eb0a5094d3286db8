package io.nearcast.registry.domain;

import io.nearcast.kernel.domain.Role;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An issued bearer token, without its secret (only its hash is ever stored).
 *
 * @param id        public id, used to list and revoke it
 * @param storeIds  the stores a staff token is scoped to
 * @param revokedAt when it was revoked; a revoked token authenticates nobody
 */
public record ApiToken(String id, Role role, Set<StoreId> storeIds, String label, Instant createdAt, Optional<Instant> revokedAt) {

    public ApiToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        storeIds = Set.copyOf(storeIds);
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }

    public boolean active() {
        return revokedAt.isEmpty();
    }
}
