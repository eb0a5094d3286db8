package io.nearcast.registry.jdbc;

import io.nearcast.kernel.persistence.RepositoryException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import io.nearcast.registry.domain.GeoPoint;
import io.nearcast.registry.domain.Store;
import io.nearcast.registry.domain.StoreId;
import io.nearcast.registry.domain.TagBatch;
import io.nearcast.registry.domain.TagBatchRepository;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What every {@link TagBatchRepository} on a database must do; run against H2 and PostgreSQL. */
@Timeout(60)
abstract class TagBatchRepositoryContract {

    private static final Instant T0 = Instant.parse("2024-03-01T10:15:30.123456Z");

    private TagBatchRepository batches;
    private Store store;
    private Store otherStore;

    /** A fresh database (or schema) with the registry's tables, for one test. */
    abstract DataSource freshDataSource() throws Exception;

    @BeforeEach
    void createRepositoryAndStores() throws Exception {
        DataSource dataSource = freshDataSource();
        batches = new JdbcTagBatchRepository(dataSource);
        TwoStores stores = TwoStores.insertedInto(dataSource, T0);
        store = stores.store();
        otherStore = stores.otherStore();
    }

    @Test
    void readsBackABatchWithEveryOptionalFieldPresent() {
        TagBatch batch = new TagBatch(UUID.randomUUID().toString(), "Run 2026-05 \u00fc", Optional.of(store.id()), "v1:" + "M".repeat(60),
                "v1:" + "F".repeat(60), Optional.of("AB".repeat(24)), T0);

        batches.insert(batch);

        assertThat(batches.find(batch.id())).contains(batch);
    }

    @Test
    void readsBackABatchWithEveryOptionalFieldAbsent() {
        TagBatch batch = batch(null, T0);

        batches.insert(batch);

        assertThat(batches.find(batch.id())).contains(batch);
        assertThat(batches.find(UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void readsBackInstantsTruncatedToMicroseconds() {
        TagBatch batch = batch(store, Instant.parse("2024-03-01T10:15:30.123456789Z"));

        batches.insert(batch);

        assertThat(batches.find(batch.id()).orElseThrow().createdAt()).isEqualTo(Instant.parse("2024-03-01T10:15:30.123456Z"));
    }

    @Test
    void refusesATakenIdOrAnUnknownStore() {
        TagBatch original = batch(store, T0);
        batches.insert(original);
        TagBatch impostor = new TagBatch(original.id(), "Other", Optional.empty(), "v1:x", "v1:y", Optional.empty(), T0);
        TagBatch orphan = batch(new Store(StoreId.random(), "gone", ZoneId.of("UTC"), new GeoPoint(0, 0), T0), T0);

        assertThatThrownBy(() -> batches.insert(impostor))
                .isInstanceOfSatisfying(RepositoryException.class, e -> assertThat(e.isDuplicateKey()).isTrue());
        assertThatThrownBy(() -> batches.insert(orphan))
                .isInstanceOfSatisfying(RepositoryException.class, e -> assertThat(e.isDuplicateKey()).isFalse());
        assertThat(batches.all()).containsExactly(original);
    }

    @Test
    void listsOldestFirstByInsertionOrderNotByTimestamp() {
        TagBatch first = batch(store, T0.plusSeconds(2));
        TagBatch elsewhere = batch(otherStore, T0);
        TagBatch everywhere = batch(null, T0);
        TagBatch second = batch(store, T0);
        Stream.of(first, elsewhere, everywhere, second).forEach(batches::insert);

        assertThat(batches.listAmong(List.of(store.id()), new PageRequest(0, 1))).isEqualTo(new Page<>(List.of(first), 0, 1, 2));
        assertThat(batches.listAmong(List.of(store.id()), new PageRequest(1, 1))).isEqualTo(new Page<>(List.of(second), 1, 1, 2));
        assertThat(batches.listAmong(List.of(store.id(), otherStore.id()), PageRequest.first()).items()).containsExactly(first, elsewhere, second);
        assertThat(batches.list(PageRequest.first())).isEqualTo(new Page<>(List.of(first, elsewhere, everywhere, second), 0, PageRequest.DEFAULT_SIZE, 4));
        assertThat(batches.listAmong(List.of(), PageRequest.first()).total()).isZero();
        assertThat(batches.all()).containsExactly(first, elsewhere, everywhere, second);
    }

    private static TagBatch batch(Store store, Instant createdAt) {
        String id = UUID.randomUUID().toString();
        return new TagBatch(id, "Run " + id.substring(0, 4), Optional.ofNullable(store).map(Store::id), "v1:meta-" + id, "v1:master-" + id,
                Optional.empty(), createdAt);
    }
}
