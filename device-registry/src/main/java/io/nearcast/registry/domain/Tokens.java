package io.nearcast.registry.domain;

import io.nearcast.kernel.domain.BearerSecret;
import io.nearcast.kernel.domain.Caller;
import io.nearcast.kernel.domain.InvalidField;
import io.nearcast.kernel.domain.NotFound;
import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import io.nearcast.kernel.domain.Role;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Issuing, resolving and revoking bearer tokens. The bootstrap admin token comes from the server's secrets. */
public final class Tokens {

    static final int MAX_STORES_PER_TOKEN = 100;
    static final int MAX_LABEL = 200;

    private final TokenRepository repository;
    private final StoreRepository stores;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random;
    private final String adminToken;

    public Tokens(TokenRepository repository, StoreRepository stores, AuditLog audit, Clock clock, SecureRandom random, String adminToken) {
        this.repository = repository;
        this.stores = stores;
        this.audit = audit;
        this.clock = clock;
        this.random = random;
        this.adminToken = adminToken;
    }

    /** An issued token and its secret, which exists only in this value and the creation response. */
    public record Issued(ApiToken token, String secret) {
        @Override
        public String toString() {
            return "Issued[token=" + token + ", secret=***]";
        }
    }

    /**
     * Issues a staff token scoped to existing stores (admins only).
     *
     * @throws InvalidField naming {@code role}, {@code storeIds} or {@code label}
     */
    public Issued issue(Caller caller, String role, List<String> storeIds, String label) {
        caller.requireAdmin("issuing tokens");
        if (!Role.STAFF.wireName().equals(role)) {
            throw new InvalidField("role", role == null ? "is required (staff)" : "'" + Names.printable(role) + "' cannot be issued; only staff tokens are (the admin token is configured)");
        }
        Set<StoreId> scope = scope(storeIds);
        String name = label == null || label.isBlank() ? "" : Names.require("label", label, MAX_LABEL);
        String secret = BearerSecret.generate(BearerSecret.STAFF_PREFIX, random);
        ApiToken token = new ApiToken(UUID.randomUUID().toString(), Role.STAFF, scope, name, clock.instant(), Optional.empty());
        repository.insert(token, BearerSecret.hash(secret));
        audit.record(new AuditEntry(clock.instant(), caller.actor(), "create", "token/" + token.id(),
                "role=staff, stores=" + scope.stream().map(StoreId::value).sorted().collect(Collectors.joining(" "))));
        return new Issued(token, secret);
    }

    /** Who a presented bearer token belongs to; empty for an unknown or revoked token. */
    public Optional<Caller> authenticate(String presented) {
        if (presented == null || presented.isEmpty() || presented.length() > 200) {
            return Optional.empty();
        }
        if (BearerSecret.sameSecret(presented, adminToken)) {
            return Optional.of(Caller.bootstrapAdmin());
        }
        return repository.findBySecretHash(BearerSecret.hash(presented))
                .filter(ApiToken::active)
                .map(token -> new Caller("token:" + token.id(), token.role(),
                        token.storeIds().stream().map(StoreId::value).collect(Collectors.toSet())));
    }

    public Page<ApiToken> list(Caller caller, PageRequest request) {
        caller.requireAdmin("listing tokens");
        return repository.list(request);
    }

    /** @throws NotFound for an unknown or already revoked token */
    public void revoke(Caller caller, String id) {
        caller.requireAdmin("revoking tokens");
        if (!repository.revoke(id, clock.instant())) {
            throw new NotFound("active token " + id);
        }
        audit.record(new AuditEntry(clock.instant(), caller.actor(), "delete", "token/" + id, "revoked"));
    }

    private Set<StoreId> scope(List<String> storeIds) {
        if (storeIds == null || storeIds.isEmpty()) {
            throw new InvalidField("storeIds", "a staff token needs at least one store");
        }
        if (storeIds.size() > MAX_STORES_PER_TOKEN) {
            throw new InvalidField("storeIds", "at most " + MAX_STORES_PER_TOKEN + " stores per token");
        }
        Set<StoreId> scope = new LinkedHashSet<>();
        for (int i = 0; i < storeIds.size(); i++) {
            String field = "storeIds[" + i + "]";
            String text = storeIds.get(i);
            StoreId id = StoreId.parse(text).orElseThrow(() -> new InvalidField(field, "'" + Names.printable(String.valueOf(text)) + "' is not a store id"));
            if (stores.find(id).isEmpty()) {
                throw new InvalidField(field, "no store " + id);
            }
            scope.add(id);
        }
        return scope;
    }
}
