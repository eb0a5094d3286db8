package io.nearcast.registry.jdbc;

import io.nearcast.kernel.persistence.UtcTimestamps;
import io.nearcast.kernel.persistence.Jdbc;
import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import io.nearcast.kernel.domain.Deletion;
import io.nearcast.registry.domain.Gtin;
import io.nearcast.registry.domain.SdmKeySource;
import io.nearcast.registry.domain.StoreId;
import io.nearcast.registry.domain.Tag;
import io.nearcast.registry.domain.TagRepository;
import io.nearcast.registry.domain.TagUid;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javax.sql.DataSource;

/**
 * NFC tags in {@code registry_tag}, listed oldest first (by insertion order). {@code createdAt}
 * reads back truncated to microseconds. The sealed keys are stored as they come: this adapter never
 * sees a key in clear. Thread-safe.
 *
 * <p>{@link #insert} is one statement: a UID that is taken, also by a concurrent insert, makes it
 * return false. Every method throws {@link RepositoryException} when the database fails; the insert
 * also when the id is taken or the store or batch does not exist.
 */
public final class JdbcTagRepository implements TagRepository {

    private static final String COLUMNS = "id, uid, gtin, store_id, key_source, meta_read_key_sealed, file_read_key_sealed, batch_id,"
            + " last_counter, created_at";
    private static final int COLUMN_COUNT = 10;

    private static final String PER_TAG = "per-tag";
    private static final String BATCH = "batch";
    private static final String NONE = "none";


    private final Jdbc jdbc;

    public JdbcTagRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public boolean insert(Tag tag) {
        return jdbc.run("inserting tag " + tag.id(), connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO registry_tag (" + COLUMNS + ") VALUES (" + Jdbc.placeholders(COLUMN_COUNT) + ")")) {
                bind(insert, tag);
                insert.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (Jdbc.isDuplicateKey(e) && tag.uid().isPresent()
                        && uidTaken(connection, tag.uid().get())) {
                    return false;
                }
                throw e;
            }
        });
    }

    @Override
    public Optional<Tag> find(String id) {
        return findBy("reading tag " + id, "id", id);
    }

    @Override
    public Optional<Tag> findByUid(TagUid uid) {
        return findBy("reading the tag with uid " + uid, "uid", uid.hex());
    }

    @Override
    public Page<Tag> list(PageRequest request) {
        return jdbc.run("listing tags", connection -> ScopedPages.all(connection, "registry_tag", COLUMNS, request, JdbcTagRepository::tag));
    }

    @Override
    public Page<Tag> listAmong(Collection<StoreId> storeIds, PageRequest request) {
        if (storeIds.isEmpty()) {
            return Page.of(List.of(), request, 0);
        }
        return jdbc.run("listing the tags of " + storeIds.size() + " stores",
                connection -> ScopedPages.among(connection, "registry_tag", COLUMNS, storeIds, request, JdbcTagRepository::tag));
    }

    @Override
    public List<SealedMetaReadKey> perTagMetaReadKeys() {
        return jdbc.run("reading the tags' own meta-read keys", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, uid, meta_read_key_sealed FROM registry_tag WHERE key_source = ? ORDER BY seq")) {
                select.setString(1, PER_TAG);
                return Jdbc.rows(select, row -> new SealedMetaReadKey(row.getString("id"), uid(row), row.getString("meta_read_key_sealed")));
            }
        });
    }

    private Optional<Tag> findBy(String operation, String column, String value) {
        return jdbc.run(operation, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM registry_tag WHERE " + column + " = ?")) {
                select.setString(1, value);
                return Jdbc.firstRow(select, JdbcTagRepository::tag);
            }
        });
    }

    private static boolean uidTaken(Connection connection, TagUid uid) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM registry_tag WHERE uid = ?")) {
            select.setString(1, uid.hex());
            return Jdbc.count(select) > 0;
        }
    }

    private static void bind(PreparedStatement insert, Tag tag) throws SQLException {
        insert.setString(1, tag.id());
        insert.setString(2, tag.uid().map(TagUid::hex).orElse(null));
        insert.setString(3, tag.gtin().map(Gtin::digits).orElse(null));
        insert.setString(4, tag.storeId().map(StoreId::value).orElse(null));
        insert.setString(5, tag.keys().kind());
        SdmKeySource keys = tag.keys();
        insert.setString(6, keys instanceof SdmKeySource.PerTag own ? own.sealedMetaReadKey() : null);
        insert.setString(7, keys instanceof SdmKeySource.PerTag own ? own.sealedFileReadKey() : null);
        insert.setString(8, keys instanceof SdmKeySource.Batch batch ? batch.batchId() : null);
        if (tag.lastCounter().isPresent()) {
            insert.setInt(9, tag.lastCounter().getAsInt());
        } else {
            insert.setNull(9, Types.INTEGER);
        }
        UtcTimestamps.set(insert, 10, tag.createdAt());
    }

    private static Tag tag(ResultSet row) throws SQLException {
        String id = row.getString("id");
        int counter = row.getInt("last_counter");
        OptionalInt lastCounter = row.wasNull() ? OptionalInt.empty() : OptionalInt.of(counter);
        try {
            return new Tag(
                    id,
                    uid(row),
                    Optional.ofNullable(row.getString("gtin")).map(Gtin::new),
                    Optional.ofNullable(row.getString("store_id")).map(StoreId::new),
                    keys(id, row),
                    lastCounter,
                    UtcTimestamps.get(row, "created_at"));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new SQLException("tag " + id + " is unreadable", e);
        }
    }

    private static Optional<TagUid> uid(ResultSet row) throws SQLException {
        return Optional.ofNullable(row.getString("uid")).map(TagUid::new);
    }

    private static SdmKeySource keys(String id, ResultSet row) throws SQLException {
        String source = row.getString("key_source");
        return switch (source) {
            case PER_TAG -> new SdmKeySource.PerTag(row.getString("meta_read_key_sealed"), row.getString("file_read_key_sealed"));
            case BATCH -> new SdmKeySource.Batch(row.getString("batch_id"));
            case NONE -> new SdmKeySource.None();
            default -> throw new SQLException("tag " + id + " has an unknown key source: " + source);
        };
    }

    @Override
    public Deletion delete(String id) {
        return jdbc.delete("registry_tag", id);
    }
}
