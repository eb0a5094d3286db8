package io.nearcast.registry.domain;

import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import java.time.Instant;
import java.util.Optional;

/** Port: issued tokens, keyed by the hash of their secret. */
public interface TokenRepository {

    void insert(ApiToken token, String secretHash);

    /** The token whose secret has this hash, revoked or not. */
    Optional<ApiToken> findBySecretHash(String secretHash);

    Optional<ApiToken> find(String id);

    /** All tokens, newest first. */
    Page<ApiToken> list(PageRequest request);

    /** Marks it revoked; false if there is no such token or it was already revoked. */
    boolean revoke(String id, Instant at);
}
