package io.nearcast.registry.jdbc;

import io.nearcast.kernel.persistence.RepositoryException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import io.nearcast.kernel.domain.Role;
import io.nearcast.registry.domain.ApiToken;
import io.nearcast.registry.domain.GeoPoint;
import io.nearcast.registry.domain.Store;
import io.nearcast.registry.domain.StoreId;
import io.nearcast.registry.domain.StoreRepository;
import io.nearcast.registry.domain.TokenRepository;
import io.nearcast.kernel.domain.BearerSecret;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What every {@link TokenRepository} on a database must do; run against H2 and PostgreSQL. */
@Timeout(60)
abstract class TokenRepositoryContract {

    private static final Instant T0 = Instant.parse("2024-03-01T10:15:30.123456Z");

    private TokenRepository tokens;
    private StoreId storeA;
    private StoreId storeB;

    /** A fresh database (or schema) with the registry's tables, for one test. */
    abstract DataSource freshDataSource() throws Exception;

    @BeforeEach
    void createRepositoryAndTwoStores() throws Exception {
        DataSource dataSource = freshDataSource();
        tokens = new JdbcTokenRepository(dataSource);
        StoreRepository stores = new JdbcStoreRepository(dataSource);
        storeA = addStore(stores, "A");
        storeB = addStore(stores, "B");
    }

    @Test
    void readsBackEveryFieldAndTheStoresOfAnInsertedToken() {
        ApiToken token = new ApiToken(UUID.randomUUID().toString(), Role.STAFF, Set.of(storeA, storeB), "Till 3 – Café", T0, Optional.empty());

        tokens.insert(token, hash("secret-1"));

        assertThat(tokens.find(token.id())).contains(token);
    }

    @Test
    void readsBackATokenWithoutStoresAndWithAnEmptyLabel() {
        ApiToken token = new ApiToken(UUID.randomUUID().toString(), Role.ADMIN, Set.of(), "", T0, Optional.empty());

        tokens.insert(token, hash("secret-1"));

        assertThat(tokens.find(token.id())).contains(token);
    }

    @Test
    void keepsARevocationGivenAtInsert() {
        ApiToken token = staff(Set.of(storeA), T0, Optional.of(T0.plusSeconds(60)));

        tokens.insert(token, hash("secret-1"));

        assertThat(tokens.find(token.id())).contains(token);
    }

    @Test
    void readsBackTimestampsTruncatedToMicroseconds() {
        ApiToken token = staff(Set.of(storeA), Instant.parse("2024-03-01T10:15:30.999999999Z"), Optional.empty());
        tokens.insert(token, hash("secret-1"));

        tokens.revoke(token.id(), Instant.parse("2024-03-02T00:00:00.000000500Z"));

        ApiToken read = tokens.find(token.id()).orElseThrow();
        assertThat(read.createdAt()).isEqualTo(Instant.parse("2024-03-01T10:15:30.999999Z"));
        assertThat(read.revokedAt()).contains(Instant.parse("2024-03-02T00:00:00Z"));
    }

    @Test
    void findsATokenByTheHashOfItsSecret() {
        ApiToken wanted = staff(Set.of(storeA), T0, Optional.empty());
        ApiToken other = staff(Set.of(storeB), T0, Optional.empty());
        tokens.insert(wanted, hash("secret-wanted"));
        tokens.insert(other, hash("secret-other"));

        assertThat(tokens.findBySecretHash(hash("secret-wanted"))).contains(wanted);
    }

    @Test
    void findsNothingForAnUnknownHashOrId() {
        tokens.insert(staff(Set.of(storeA), T0, Optional.empty()), hash("secret-1"));

        assertThat(tokens.findBySecretHash(hash("secret-2"))).isEmpty();
        assertThat(tokens.find(UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void stillFindsARevokedTokenWithTheTimeOfRevocation() {
        ApiToken token = staff(Set.of(storeA), T0, Optional.empty());
        tokens.insert(token, hash("secret-1"));
        Instant at = T0.plusSeconds(3600);

        assertThat(tokens.revoke(token.id(), at)).isTrue();

        ApiToken revoked = tokens.findBySecretHash(hash("secret-1")).orElseThrow();
        assertThat(revoked.revokedAt()).contains(at);
        assertThat(revoked.active()).isFalse();
        assertThat(tokens.find(token.id())).contains(revoked);
    }

    @Test
    void revokesOnlyOnceAndKeepsTheFirstTime() {
        ApiToken token = staff(Set.of(storeA), T0, Optional.empty());
        tokens.insert(token, hash("secret-1"));
        tokens.revoke(token.id(), T0.plusSeconds(1));

        assertThat(tokens.revoke(token.id(), T0.plusSeconds(2))).isFalse();
        assertThat(tokens.find(token.id()).orElseThrow().revokedAt()).contains(T0.plusSeconds(1));
    }

    @Test
    void revokesNothingForAnUnknownId() {
        ApiToken token = staff(Set.of(storeA), T0, Optional.empty());
        tokens.insert(token, hash("secret-1"));

        assertThat(tokens.revoke(UUID.randomUUID().toString(), T0)).isFalse();
        assertThat(tokens.find(token.id()).orElseThrow().active()).isTrue();
    }

    @Test
    void listsNewestFirstInPagesWithEachTokensStores() {
        // GIVEN timestamps that run backwards: only the insertion order may decide
        ApiToken oldest = staff(Set.of(storeA), T0.plusSeconds(2), Optional.empty());
        ApiToken middle = staff(Set.of(storeA, storeB), T0.plusSeconds(1), Optional.empty());
        ApiToken newest = staff(Set.of(storeB), T0, Optional.of(T0.plusSeconds(5)));
        tokens.insert(oldest, hash("oldest"));
        tokens.insert(middle, hash("middle"));
        tokens.insert(newest, hash("newest"));

        Page<ApiToken> page0 = tokens.list(new PageRequest(0, 2));
        Page<ApiToken> page1 = tokens.list(new PageRequest(1, 2));

        assertThat(page0).isEqualTo(new Page<>(List.of(newest, middle), 0, 2, 3));
        assertThat(page1).isEqualTo(new Page<>(List.of(oldest), 1, 2, 3));
    }

    @Test
    void listsNothingWhenThereAreNoTokens() {
        assertThat(tokens.list(PageRequest.first())).isEqualTo(new Page<>(List.of(), 0, PageRequest.DEFAULT_SIZE, 0));
    }

    @Test
    void refusesASecondTokenWithATakenSecretHash() {
        ApiToken first = staff(Set.of(storeA), T0, Optional.empty());
        ApiToken second = staff(Set.of(storeB), T0, Optional.empty());
        tokens.insert(first, hash("same"));

        assertThatThrownBy(() -> tokens.insert(second, hash("same")))
                .isInstanceOfSatisfying(RepositoryException.class, e -> assertThat(e.isDuplicateKey()).isTrue())
                .hasMessageNotContaining(hash("same"));
        assertThat(tokens.find(second.id())).isEmpty();
        assertThat(tokens.findBySecretHash(hash("same"))).contains(first);
    }

    @Test
    void storesNothingOfATokenScopedToAStoreThatDoesNotExist() {
        ApiToken token = staff(Set.of(storeA, StoreId.random()), T0, Optional.empty());

        assertThatThrownBy(() -> tokens.insert(token, hash("secret-1"))).isInstanceOf(RepositoryException.class);

        assertThat(tokens.find(token.id())).isEmpty();
        assertThat(tokens.list(PageRequest.first()).total()).isZero();
        // the id is free again: the token row was rolled back with its links
        ApiToken retry = new ApiToken(token.id(), Role.STAFF, Set.of(storeA), token.label(), T0, Optional.empty());
        tokens.insert(retry, hash("secret-1"));
        assertThat(tokens.find(token.id())).contains(retry);
    }

    private static ApiToken staff(Set<StoreId> stores, Instant createdAt, Optional<Instant> revokedAt) {
        return new ApiToken(UUID.randomUUID().toString(), Role.STAFF, stores, "till", createdAt, revokedAt);
    }

    private static String hash(String secret) {
        return BearerSecret.hash(BearerSecret.STAFF_PREFIX + secret);
    }

    private static StoreId addStore(StoreRepository stores, String name) {
        Store store = new Store(StoreId.random(), name, ZoneId.of("Europe/Berlin"), new GeoPoint(52.5, 13.4), T0);
        stores.insert(store);
        return store.id();
    }
}
