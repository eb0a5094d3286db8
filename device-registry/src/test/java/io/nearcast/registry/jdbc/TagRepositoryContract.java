package io.nearcast.registry.jdbc;

import io.nearcast.kernel.persistence.RepositoryException;
import io.nearcast.registry.domain.TagBatchRepository;
import io.nearcast.kernel.domain.Deletion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import io.nearcast.registry.domain.GeoPoint;
import io.nearcast.registry.domain.Gtin;
import io.nearcast.registry.domain.SdmKeySource;
import io.nearcast.registry.domain.Store;
import io.nearcast.registry.domain.StoreId;
import io.nearcast.registry.domain.Tag;
import io.nearcast.registry.domain.TagBatch;
import io.nearcast.registry.domain.TagRepository;
import io.nearcast.registry.domain.TagUid;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every {@link TagRepository} on a database must do; run against H2 and PostgreSQL. */
@Timeout(60)
abstract class TagRepositoryContract {

    private static final Instant T0 = Instant.parse("2024-03-01T10:15:30.123456Z");
    private static final Gtin GTIN = new Gtin("04006381333931");
    private static final AtomicLong UIDS = new AtomicLong(0x04000000000001L);

    private DataSource dataSource;
    private TagRepository tags;
    private Store store;
    private Store otherStore;
    private TagBatch batch;

    /** A fresh database (or schema) with the registry's tables, for one test. */
    abstract DataSource freshDataSource() throws Exception;

    @BeforeEach
    void createRepositoryStoresAndBatch() throws Exception {
        dataSource = freshDataSource();
        tags = new JdbcTagRepository(dataSource);
        TwoStores stores = TwoStores.insertedInto(dataSource, T0);
        store = stores.store();
        otherStore = stores.otherStore();
        batch = new TagBatch(UUID.randomUUID().toString(), "Run 1", Optional.of(store.id()), "v1:sealed-batch-meta", "v1:sealed-batch-master",
                Optional.empty(), T0);
        new JdbcTagBatchRepository(dataSource).insert(batch);
    }

    static Stream<SdmKeySource> keySources() {
        return Stream.of(new SdmKeySource.PerTag("v1:" + "M".repeat(60), "v1:" + "F".repeat(60)), new SdmKeySource.None());
    }

    @ParameterizedTest
    @MethodSource("keySources")
    void readsBackEachKeySourceWithEveryOptionalFieldPresent(SdmKeySource keys) {
        Tag tag = new Tag(UUID.randomUUID().toString(), Optional.of(nextUid()), Optional.of(GTIN), Optional.of(store.id()), keys,
                OptionalInt.of(0xFFFFFF), T0);

        assertThat(tags.insert(tag)).isTrue();

        assertThat(tags.find(tag.id())).contains(tag);
    }

    @Test
    void readsBackABatchTag() {
        Tag tag = new Tag(UUID.randomUUID().toString(), Optional.of(nextUid()), Optional.empty(), Optional.of(store.id()),
                new SdmKeySource.Batch(batch.id()), OptionalInt.empty(), T0);

        assertThat(tags.insert(tag)).isTrue();

        assertThat(tags.find(tag.id())).contains(tag);
    }

    @Test
    void readsBackAProductTagWithOnlyAGtinAndNoStore() {
        Tag tag = new Tag(UUID.randomUUID().toString(), Optional.empty(), Optional.of(GTIN), Optional.empty(), new SdmKeySource.None(),
                OptionalInt.empty(), T0);

        assertThat(tags.insert(tag)).isTrue();

        assertThat(tags.find(tag.id())).contains(tag);
    }

    @Test
    void readsBackAZeroCounterApartFromNone() {
        Tag tag = perTag(store, nextUid(), T0);
        Tag counted = new Tag(tag.id(), tag.uid(), tag.gtin(), tag.storeId(), tag.keys(), OptionalInt.of(0), T0);

        tags.insert(counted);

        assertThat(tags.find(tag.id()).orElseThrow().lastCounter()).isEqualTo(OptionalInt.of(0));
    }

    @Test
    void readsBackTheCounterTheTouchpointWroteIntoTheRow() throws SQLException {
        Tag tag = perTag(store, nextUid(), T0);
        tags.insert(tag);

        execute("UPDATE registry_tag SET last_counter = 42 WHERE id = '" + tag.id() + "'");

        assertThat(tags.find(tag.id()).orElseThrow().lastCounter()).isEqualTo(OptionalInt.of(42));
    }

    @Test
    void readsBackInstantsTruncatedToMicroseconds() {
        Tag tag = perTag(store, nextUid(), Instant.parse("2024-03-01T10:15:30.123456789Z"));

        tags.insert(tag);

        assertThat(tags.find(tag.id()).orElseThrow().createdAt()).isEqualTo(Instant.parse("2024-03-01T10:15:30.123456Z"));
    }

    @Test
    void findsATagByItsUidAndNothingForAnUnknownOne() {
        Tag tag = perTag(store, nextUid(), T0);
        tags.insert(tag);

        assertThat(tags.findByUid(tag.uid().orElseThrow())).contains(tag);
        assertThat(tags.findByUid(nextUid())).isEmpty();
        assertThat(tags.find(UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void refusesASecondTagWithTheSameUidInAnyStoreAndKeepsTheFirst() {
        TagUid uid = nextUid();
        Tag first = perTag(store, uid, T0);
        Tag second = perTag(otherStore, uid, T0);
        tags.insert(first);

        assertThat(tags.insert(second)).isFalse();

        assertThat(tags.find(second.id())).isEmpty();
        assertThat(tags.findByUid(uid)).contains(first);
    }

    @Test
    void storesManyTagsWithoutUid() {
        Tag a = gtinOnly(store);
        Tag b = gtinOnly(store);

        assertThat(tags.insert(a)).isTrue();
        assertThat(tags.insert(b)).isTrue();

        assertThat(tags.list(PageRequest.first()).items()).containsExactly(a, b);
    }

    @Test
    void refusesATakenIdAsADuplicateKeyNotAsATakenUid() {
        Tag original = perTag(store, nextUid(), T0);
        tags.insert(original);
        Tag impostor = new Tag(original.id(), Optional.of(nextUid()), Optional.empty(), Optional.of(otherStore.id()), new SdmKeySource.None(),
                OptionalInt.empty(), T0);

        assertThatThrownBy(() -> tags.insert(impostor))
                .isInstanceOfSatisfying(RepositoryException.class, e -> assertThat(e.isDuplicateKey()).isTrue())
                .hasMessageStartingWith("inserting tag " + original.id() + " failed");
        assertThat(tags.find(original.id())).contains(original);
    }

    @Test
    void refusesATagOfAnUnknownStoreOrBatch() {
        Store gone = new Store(StoreId.random(), "gone", ZoneId.of("UTC"), new GeoPoint(0, 0), T0);
        Tag orphan = perTag(gone, nextUid(), T0);
        Tag unbatched = new Tag(UUID.randomUUID().toString(), Optional.of(nextUid()), Optional.empty(), Optional.of(store.id()),
                new SdmKeySource.Batch(UUID.randomUUID().toString()), OptionalInt.empty(), T0);

        assertThatThrownBy(() -> tags.insert(orphan)).isInstanceOfSatisfying(RepositoryException.class, e -> assertThat(e.isDuplicateKey()).isFalse());
        assertThatThrownBy(() -> tags.insert(unbatched)).isInstanceOfSatisfying(RepositoryException.class, e -> assertThat(e.isDuplicateKey()).isFalse());
        assertThat(tags.list(PageRequest.first()).total()).isZero();
    }

    @Test
    void theSchemaRefusesKeyColumnsThatDoNotMatchTheKeySource() {
        String tagRow = "INSERT INTO registry_tag (id, uid, gtin, store_id, key_source, meta_read_key_sealed, file_read_key_sealed, batch_id, created_at)"
                + " VALUES ('%s', %s, %s, NULL, '%s', %s, %s, %s, CURRENT_TIMESTAMP)";

        // a batch tag must have a UID, a per-tag tag both keys, a tag a UID or a GTIN
        assertThatThrownBy(() -> execute(String.format(tagRow, "t1", "NULL", "'" + GTIN + "'", "batch", "NULL", "NULL", "'" + batch.id() + "'")))
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> execute(String.format(tagRow, "t2", "'04000000000000'", "NULL", "per-tag", "'v1:m'", "NULL", "NULL")))
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> execute(String.format(tagRow, "t3", "NULL", "NULL", "none", "NULL", "NULL", "NULL")))
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> execute(String.format(tagRow, "t4", "'04000000000000'", "NULL", "spare", "NULL", "NULL", "NULL")))
                .isInstanceOf(SQLException.class);
        assertThat(tags.list(PageRequest.first()).total()).isZero();
    }

    @Test
    void listsOldestFirstInPagesByInsertionOrderNotByTimestamp() {
        // GIVEN timestamps that run backwards, and tags of another store and of none in between
        Tag first = perTag(store, nextUid(), T0.plusSeconds(2));
        Tag elsewhere = perTag(otherStore, nextUid(), T0);
        Tag second = gtinOnly(store);
        Tag everywhere = gtinOnly(null);
        Tag third = perTag(store, nextUid(), T0);
        Stream.of(first, elsewhere, second, everywhere, third).forEach(tags::insert);

        assertThat(tags.listAmong(List.of(store.id()), new PageRequest(0, 2))).isEqualTo(new Page<>(List.of(first, second), 0, 2, 3));
        assertThat(tags.listAmong(List.of(store.id()), new PageRequest(1, 2))).isEqualTo(new Page<>(List.of(third), 1, 2, 3));
        assertThat(tags.listAmong(List.of(store.id()), new PageRequest(5, 2))).isEqualTo(new Page<>(List.of(), 5, 2, 3));
        assertThat(tags.listAmong(List.of(otherStore.id(), store.id()), PageRequest.first()).items())
                .containsExactly(first, elsewhere, second, third);
        assertThat(tags.list(new PageRequest(0, 4))).isEqualTo(new Page<>(List.of(first, elsewhere, second, everywhere), 0, 4, 5));
        assertThat(tags.listAmong(List.of(StoreId.random()), PageRequest.first()).total()).isZero();
    }

    @Test
    void listsNoStoresWithoutAskingTheDatabase() {
        TagRepository withoutDatabase = new JdbcTagRepository(unusableDataSource());

        assertThat(withoutDatabase.listAmong(List.of(), PageRequest.first())).isEqualTo(new Page<>(List.of(), 0, PageRequest.DEFAULT_SIZE, 0));
    }

    @Test
    void givesTheSealedMetaReadKeysOfTagsWithKeysOfTheirOwn() {
        Tag withUid = perTag(store, nextUid(), T0);
        Tag batchTag = new Tag(UUID.randomUUID().toString(), Optional.of(nextUid()), Optional.empty(), Optional.of(store.id()),
                new SdmKeySource.Batch(batch.id()), OptionalInt.empty(), T0);
        Tag withoutUid = new Tag(UUID.randomUUID().toString(), Optional.empty(), Optional.of(GTIN), Optional.empty(),
                new SdmKeySource.PerTag("v1:meta-2", "v1:file-2"), OptionalInt.empty(), T0);
        Stream.of(withUid, batchTag, gtinOnly(store), withoutUid).forEach(tags::insert);

        assertThat(tags.perTagMetaReadKeys()).containsExactly(
                new TagRepository.SealedMetaReadKey(withUid.id(), withUid.uid(), ((SdmKeySource.PerTag) withUid.keys()).sealedMetaReadKey()),
                new TagRepository.SealedMetaReadKey(withoutUid.id(), Optional.empty(), "v1:meta-2"));
    }

    private static TagUid nextUid() {
        return new TagUid(String.format("%014X", UIDS.getAndIncrement()));
    }

    private static Tag perTag(Store store, TagUid uid, Instant createdAt) {
        String id = UUID.randomUUID().toString();
        return new Tag(id, Optional.of(uid), Optional.empty(), Optional.of(store.id()),
                new SdmKeySource.PerTag("v1:meta-" + id, "v1:file-" + id), OptionalInt.empty(), createdAt);
    }

    private static Tag gtinOnly(Store store) {
        return new Tag(UUID.randomUUID().toString(), Optional.empty(), Optional.of(GTIN), Optional.ofNullable(store).map(Store::id),
                new SdmKeySource.None(), OptionalInt.empty(), T0);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static DataSource unusableDataSource() {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, arguments) -> {
                    throw new AssertionError("the database was asked: " + method.getName());
                });
    }

    @Test
    void deletesATagOnceAndKeepsABatchWhileATagUsesIt() {
        Tag tag = new Tag(UUID.randomUUID().toString(), Optional.of(nextUid()), Optional.empty(), Optional.of(store.id()),
                new SdmKeySource.Batch(batch.id()), OptionalInt.empty(), T0);
        tags.insert(tag);
        TagBatchRepository batches = new JdbcTagBatchRepository(dataSource);

        assertThat(batches.delete(batch.id())).isEqualTo(Deletion.IN_USE);
        assertThat(batches.find(batch.id())).isPresent();

        assertThat(tags.delete(tag.id())).isEqualTo(Deletion.DELETED);
        assertThat(tags.delete(tag.id())).isEqualTo(Deletion.NOT_FOUND);
        assertThat(tags.find(tag.id())).isEmpty();
        assertThat(tags.findByUid(tag.uid().orElseThrow())).isEmpty();
        assertThat(batches.delete(batch.id())).isEqualTo(Deletion.DELETED);
    }
}
