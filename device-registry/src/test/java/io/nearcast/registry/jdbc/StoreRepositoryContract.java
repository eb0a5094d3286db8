package io.nearcast.registry.jdbc;

import io.nearcast.kernel.persistence.RepositoryException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import io.nearcast.registry.domain.GeoPoint;
import io.nearcast.registry.domain.OpeningHours;
import io.nearcast.registry.domain.Store;
import io.nearcast.registry.domain.StoreId;
import io.nearcast.registry.domain.StoreRepository;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What every {@link StoreRepository} on a database must do; run against H2 and PostgreSQL. */
@Timeout(60)
abstract class StoreRepositoryContract {

    private static final Instant T0 = Instant.parse("2024-03-01T10:15:30.123456Z");

    private StoreRepository stores;

    /** A fresh database (or schema) with the registry's tables, for one test. */
    abstract DataSource freshDataSource() throws Exception;

    @BeforeEach
    void createRepository() throws Exception {
        stores = new JdbcStoreRepository(freshDataSource());
    }

    @Test
    void readsBackEveryFieldOfAnInsertedStore() {
        Store store = new Store(StoreId.random(), "Café Mitte – Kasse 🛒", ZoneId.of("America/Argentina/Buenos_Aires"),
                new GeoPoint(-34.603722, -58.381592), T0);

        stores.insert(store);

        assertThat(stores.find(store.id())).contains(store);
    }

    @Test
    void keepsCoordinatesExactlyUpToTheEdgesOfTheWorld() {
        Store north = store("north", new GeoPoint(90, -180), T0);
        Store south = store("south", new GeoPoint(-90, 180), T0);
        Store awkward = store("awkward", new GeoPoint(0.1 + 0.2, Math.nextUp(13.404954)), T0);

        List.of(north, south, awkward).forEach(stores::insert);

        assertThat(stores.find(north.id()).orElseThrow().location()).isEqualTo(north.location());
        assertThat(stores.find(south.id()).orElseThrow().location()).isEqualTo(south.location());
        assertThat(stores.find(awkward.id()).orElseThrow().location()).isEqualTo(awkward.location());
    }

    @Test
    void readsBackCreatedAtTruncatedToMicroseconds() {
        Store store = store("precise", new GeoPoint(1, 2), Instant.parse("2024-03-01T10:15:30.123456789Z"));

        stores.insert(store);

        assertThat(stores.find(store.id()).orElseThrow().createdAt()).isEqualTo(Instant.parse("2024-03-01T10:15:30.123456Z"));
    }

    @Test
    void findsNothingForAnUnknownId() {
        stores.insert(store("known", new GeoPoint(1, 2), T0));

        assertThat(stores.find(StoreId.random())).isEmpty();
    }

    @Test
    void listsOldestFirstInPagesByInsertionOrderNotByTimestamp() {
        // GIVEN timestamps that run backwards, as after a clock adjustment
        Store first = store("first", new GeoPoint(1, 1), T0.plusSeconds(2));
        Store second = store("second", new GeoPoint(2, 2), T0.plusSeconds(1));
        Store third = store("third", new GeoPoint(3, 3), T0);
        List.of(first, second, third).forEach(stores::insert);

        Page<Store> page0 = stores.list(new PageRequest(0, 2));
        Page<Store> page1 = stores.list(new PageRequest(1, 2));

        assertThat(page0).isEqualTo(new Page<>(List.of(first, second), 0, 2, 3));
        assertThat(page1).isEqualTo(new Page<>(List.of(third), 1, 2, 3));
    }

    @Test
    void listsAnEmptyPageBeyondTheEndWithTheTotal() {
        stores.insert(store("only", new GeoPoint(1, 1), T0));

        assertThat(stores.list(new PageRequest(5, 2))).isEqualTo(new Page<>(List.of(), 5, 2, 1));
    }

    @Test
    void listsNothingWhenThereAreNoStores() {
        assertThat(stores.list(PageRequest.first())).isEqualTo(new Page<>(List.of(), 0, PageRequest.DEFAULT_SIZE, 0));
    }

    @Test
    void listsOnlyTheGivenStoresOldestFirstInPages() {
        Store s1 = store("s1", new GeoPoint(1, 1), T0);
        Store s2 = store("s2", new GeoPoint(2, 2), T0);
        Store s3 = store("s3", new GeoPoint(3, 3), T0);
        Store s4 = store("s4", new GeoPoint(4, 4), T0);
        List.of(s1, s2, s3, s4).forEach(stores::insert);
        List<StoreId> scope = List.of(s4.id(), s1.id(), StoreId.random(), s3.id());

        Page<Store> page0 = stores.listAmong(scope, new PageRequest(0, 2));
        Page<Store> page1 = stores.listAmong(scope, new PageRequest(1, 2));

        assertThat(page0).isEqualTo(new Page<>(List.of(s1, s3), 0, 2, 3));
        assertThat(page1).isEqualTo(new Page<>(List.of(s4), 1, 2, 3));
    }

    @Test
    void countsAStoreGivenTwiceOnce() {
        Store store = store("twice", new GeoPoint(1, 1), T0);
        stores.insert(store);

        assertThat(stores.listAmong(List.of(store.id(), store.id()), PageRequest.first()).items()).containsExactly(store);
        assertThat(stores.listAmong(List.of(store.id(), store.id()), PageRequest.first()).total()).isEqualTo(1);
    }

    @Test
    void listsAmongNoStoresWithoutAskingTheDatabase() {
        StoreRepository withoutDatabase = new JdbcStoreRepository(unusableDataSource());

        assertThat(withoutDatabase.listAmong(List.of(), new PageRequest(1, 10))).isEqualTo(new Page<>(List.of(), 1, 10, 0));
    }

    @Test
    void refusesASecondStoreWithATakenIdAndKeepsTheFirst() {
        Store original = store("original", new GeoPoint(1, 1), T0);
        stores.insert(original);
        Store impostor = new Store(original.id(), "impostor", ZoneId.of("UTC"), new GeoPoint(2, 2), T0.plusSeconds(1));

        assertThatThrownBy(() -> stores.insert(impostor))
                .isInstanceOfSatisfying(RepositoryException.class, e -> assertThat(e.isDuplicateKey()).isTrue())
                .hasMessageStartingWith("inserting store " + original.id() + " failed");
        assertThat(stores.find(original.id())).contains(original);
        assertThat(stores.list(PageRequest.first()).total()).isEqualTo(1);
    }

    @Test
    void readsBackOpeningHoursAndUpdatesEveryMutableField() {
        Store original = store("Mitte", new GeoPoint(52.52, 13.405), Instant.parse("2024-03-01T10:15:30.123456Z"));
        stores.insert(original);
        OpeningHours hours = OpeningHours.of(
                java.util.Map.of("MON", List.of(new OpeningHours.SpanText("08:00", "12:30"), new OpeningHours.SpanText("13:30", "24:00")),
                        "SAT", List.of(new OpeningHours.SpanText("09:00", "14:00"))),
                List.of("2026-12-25", "2026-12-26"));
        Store changed = new Store(original.id(), "Mitte (new)", ZoneId.of("Europe/Vienna"), new GeoPoint(48.2, 16.37), Optional.of(hours),
                original.createdAt());

        assertThat(stores.update(changed)).isTrue();

        assertThat(stores.find(original.id())).contains(changed);
        assertThat(stores.update(store("ghost", new GeoPoint(0, 0), Instant.EPOCH))).isFalse();
        Store withoutHours = new Store(original.id(), changed.name(), changed.timezone(), changed.location(), Optional.empty(), original.createdAt());
        stores.update(withoutHours);
        assertThat(stores.find(original.id()).orElseThrow().openingHours()).isEmpty();
    }

    private static Store store(String name, GeoPoint location, Instant createdAt) {
        return new Store(StoreId.random(), name, ZoneId.of("Europe/Berlin"), location, createdAt);
    }

    private static DataSource unusableDataSource() {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, arguments) -> {
                    throw new AssertionError("the database was asked: " + method.getName());
                });
    }
}
