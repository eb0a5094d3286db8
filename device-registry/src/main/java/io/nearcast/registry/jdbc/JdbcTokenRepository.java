package io.nearcast.registry.jdbc;

import io.nearcast.kernel.persistence.UtcTimestamps;
import io.nearcast.kernel.persistence.Jdbc;
import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import io.nearcast.kernel.domain.Role;
import io.nearcast.registry.domain.ApiToken;
import io.nearcast.registry.domain.StoreId;
import io.nearcast.registry.domain.TokenRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Tokens in {@code registry_token}, their store scope in {@code registry_token_store}; listed
 * newest first (by insertion order). A token and its store links are written in one transaction,
 * so a token is never seen with part of its scope. Timestamps read back truncated to
 * microseconds. Thread-safe.
 *
 * <p>Every method throws {@link RepositoryException} when the database fails; {@link #insert}
 * also when the id or the secret hash is taken, or a store of its scope does not exist (then
 * nothing is stored).
 */
public final class JdbcTokenRepository implements TokenRepository {

    private static final String COLUMNS = "id, role, label, created_at, revoked_at";

    private final Jdbc jdbc;

    public JdbcTokenRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void insert(ApiToken token, String secretHash) {
        jdbc.inTransaction("inserting token " + token.id(), connection -> {
            insertToken(connection, token, secretHash);
            insertStoreLinks(connection, token);
            return null;
        });
    }

    @Override
    public Optional<ApiToken> findBySecretHash(String secretHash) {
        // the hash stays out of the operation name: exception messages end up in logs
        return jdbc.run("reading a token by its secret hash", connection -> findWhere(connection, "secret_hash", secretHash));
    }

    @Override
    public Optional<ApiToken> find(String id) {
        return jdbc.run("reading token " + id, connection -> findWhere(connection, "id", id));
    }

    @Override
    public Page<ApiToken> list(PageRequest request) {
        return jdbc.run("listing tokens", connection -> {
            long total;
            try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM registry_token")) {
                total = Jdbc.count(count);
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM registry_token ORDER BY seq DESC LIMIT ? OFFSET ?")) {
                select.setInt(1, request.size());
                select.setLong(2, request.offset());
                List<TokenRow> rows = Jdbc.rows(select, JdbcTokenRepository::tokenRow);
                Map<String, Set<StoreId>> scopes = storeLinks(connection, rows.stream().map(TokenRow::id).toList());
                return Page.of(rows.stream().map(row -> row.withStores(scopes.getOrDefault(row.id(), Set.of()))).toList(), request, total);
            }
        });
    }

    @Override
    public boolean revoke(String id, Instant at) {
        return jdbc.run("revoking token " + id, connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE registry_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
                UtcTimestamps.set(update, 1, at);
                update.setString(2, id);
                return update.executeUpdate() == 1;
            }
        });
    }

    private static void insertToken(Connection connection, ApiToken token, String secretHash) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO registry_token (" + COLUMNS + ", secret_hash) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, token.id());
            insert.setString(2, token.role().wireName());
            insert.setString(3, token.label());
            UtcTimestamps.set(insert, 4, token.createdAt());
            UtcTimestamps.setNullable(insert, 5, token.revokedAt());
            insert.setString(6, secretHash);
            insert.executeUpdate();
        }
    }

    private static void insertStoreLinks(Connection connection, ApiToken token) throws SQLException {
        if (token.storeIds().isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO registry_token_store (token_id, store_id) VALUES (?, ?)")) {
            for (StoreId store : token.storeIds()) {
                insert.setString(1, token.id());
                insert.setString(2, store.value());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static Optional<ApiToken> findWhere(Connection connection, String column, String value) throws SQLException {
        Optional<TokenRow> found;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM registry_token WHERE " + column + " = ?")) {
            select.setString(1, value);
            found = Jdbc.firstRow(select, JdbcTokenRepository::tokenRow);
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        TokenRow row = found.get();
        return Optional.of(row.withStores(storeLinks(connection, List.of(row.id())).getOrDefault(row.id(), Set.of())));
    }

    /** The store scope of each of the tokens, by token id; tokens without links are absent. */
    private static Map<String, Set<StoreId>> storeLinks(Connection connection, List<String> tokenIds) throws SQLException {
        Map<String, Set<StoreId>> scopes = new HashMap<>();
        if (tokenIds.isEmpty()) {
            return scopes;
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT token_id, store_id FROM registry_token_store WHERE token_id IN (" + Jdbc.placeholders(tokenIds.size()) + ")")) {
            for (int i = 0; i < tokenIds.size(); i++) {
                select.setString(i + 1, tokenIds.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    scopes.computeIfAbsent(rows.getString("token_id"), id -> new HashSet<>()).add(new StoreId(rows.getString("store_id")));
                }
            }
        }
        return scopes;
    }

    private static TokenRow tokenRow(ResultSet row) throws SQLException {
        return new TokenRow(
                row.getString("id"),
                Role.valueOf(row.getString("role").toUpperCase(Locale.ROOT)),
                row.getString("label"),
                UtcTimestamps.get(row, "created_at"),
                UtcTimestamps.getNullable(row, "revoked_at"));
    }

    /** A {@code registry_token} row, before its store links are read. */
    private record TokenRow(String id, Role role, String label, Instant createdAt, Optional<Instant> revokedAt) {

        ApiToken withStores(Set<StoreId> storeIds) {
            return new ApiToken(id, role, storeIds, label, createdAt, revokedAt);
        }
    }
}
