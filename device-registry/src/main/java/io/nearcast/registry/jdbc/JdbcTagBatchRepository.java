package io.nearcast.registry.jdbc;

import io.nearcast.kernel.persistence.UtcTimestamps;
import io.nearcast.kernel.persistence.Jdbc;
import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import io.nearcast.kernel.domain.Deletion;
import io.nearcast.registry.domain.StoreId;
import io.nearcast.registry.domain.TagBatch;
import io.nearcast.registry.domain.TagBatchRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Tag key batches in {@code registry_tag_batch}, listed oldest first (by insertion order).
 * {@code createdAt} reads back truncated to microseconds. Keys are stored sealed, as they come.
 * Thread-safe.
 *
 * <p>Every method throws {@link RepositoryException} when the database fails; {@link #insert} also
 * when the id is taken ({@link RepositoryException#isDuplicateKey()}) or the store does not exist.
 */
public final class JdbcTagBatchRepository implements TagBatchRepository {

    private static final String COLUMNS = "id, name, store_id, meta_read_key_sealed, file_read_master_key_sealed, system_identifier, created_at";

    private final Jdbc jdbc;

    public JdbcTagBatchRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void insert(TagBatch batch) {
        jdbc.run("inserting tag batch " + batch.id(), connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO registry_tag_batch (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, batch.id());
                insert.setString(2, batch.name());
                insert.setString(3, batch.storeId().map(StoreId::value).orElse(null));
                insert.setString(4, batch.sealedMetaReadKey());
                insert.setString(5, batch.sealedFileReadMasterKey());
                insert.setString(6, batch.systemIdentifier().orElse(null));
                UtcTimestamps.set(insert, 7, batch.createdAt());
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public Optional<TagBatch> find(String id) {
        return jdbc.run("reading tag batch " + id, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM registry_tag_batch WHERE id = ?")) {
                select.setString(1, id);
                return Jdbc.firstRow(select, JdbcTagBatchRepository::batch);
            }
        });
    }

    @Override
    public Page<TagBatch> list(PageRequest request) {
        return jdbc.run("listing tag batches",
                connection -> ScopedPages.all(connection, "registry_tag_batch", COLUMNS, request, JdbcTagBatchRepository::batch));
    }

    @Override
    public Page<TagBatch> listAmong(Collection<StoreId> storeIds, PageRequest request) {
        if (storeIds.isEmpty()) {
            return Page.of(List.of(), request, 0);
        }
        return jdbc.run("listing the tag batches of " + storeIds.size() + " stores",
                connection -> ScopedPages.among(connection, "registry_tag_batch", COLUMNS, storeIds, request, JdbcTagBatchRepository::batch));
    }

    @Override
    public List<TagBatch> all() {
        return jdbc.run("reading every tag batch", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM registry_tag_batch ORDER BY seq")) {
                return Jdbc.rows(select, JdbcTagBatchRepository::batch);
            }
        });
    }

    private static TagBatch batch(ResultSet row) throws SQLException {
        String id = row.getString("id");
        try {
            return new TagBatch(
                    id,
                    row.getString("name"),
                    Optional.ofNullable(row.getString("store_id")).map(StoreId::new),
                    row.getString("meta_read_key_sealed"),
                    row.getString("file_read_master_key_sealed"),
                    Optional.ofNullable(row.getString("system_identifier")),
                    UtcTimestamps.get(row, "created_at"));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new SQLException("tag batch " + id + " is unreadable", e);
        }
    }

    @Override
    public Deletion delete(String id) {
        return jdbc.delete("registry_tag_batch", id);
    }
}
