package io.nearcast.registry.jdbc;

import io.nearcast.kernel.persistence.RepositoryException;
import io.nearcast.registry.domain.ZoneRepository;
import io.nearcast.kernel.domain.Deletion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import io.nearcast.registry.domain.Beacon;
import io.nearcast.registry.domain.BeaconIdentity;
import io.nearcast.registry.domain.BeaconRepository;
import io.nearcast.registry.domain.GeoPoint;
import io.nearcast.registry.domain.Store;
import io.nearcast.registry.domain.StoreId;
import io.nearcast.registry.domain.Zone;
import io.nearcast.registry.domain.ZoneShape;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every {@link BeaconRepository} on a database must do; run against H2 and PostgreSQL. */
@Timeout(60)
abstract class BeaconRepositoryContract {

    private static final Instant T0 = Instant.parse("2024-03-01T10:15:30.123456Z");
    private static final Instant SEEN = Instant.parse("2024-03-02T08:00:01.654321Z");

    private DataSource dataSource;
    private BeaconRepository beacons;
    private Store store;
    private Store otherStore;
    private Zone zone;

    /** A fresh database (or schema) with the registry's tables, for one test. */
    abstract DataSource freshDataSource() throws Exception;

    @BeforeEach
    void createRepositoryStoresAndZone() throws Exception {
        dataSource = freshDataSource();
        beacons = new JdbcBeaconRepository(dataSource);
        TwoStores stores = TwoStores.insertedInto(dataSource, T0);
        store = stores.store();
        otherStore = stores.otherStore();
        zone = new Zone(UUID.randomUUID().toString(), store.id(), "Wine", OptionalInt.of(0), List.of("wine"),
                new ZoneShape.Circle(new GeoPoint(52.52, 13.405), 25), T0, OptionalInt.empty());
        new JdbcZoneRepository(dataSource).insert(zone);
    }

    static Stream<BeaconIdentity> identities() {
        return Stream.of(
                new BeaconIdentity.IBeacon(UUID.fromString("f7826da6-4fa2-4e98-8024-bc5b71e0893e"), 65535, 0),
                new BeaconIdentity.AltBeacon("2F234454CF6D4A0FADF2F4911BA9FFA6", 1, 65535),
                new BeaconIdentity.EddystoneUid("EDD1EBEAC04E5DEFA017", "0BDB87539B67"),
                new BeaconIdentity.EddystoneEid("sealed:v1:" + "A".repeat(150), "ab".repeat(32), 15, -1_700_000_000L));
    }

    @ParameterizedTest
    @MethodSource("identities")
    void readsBackEachKindWithEveryOptionalFieldPresent(BeaconIdentity identity) {
        Beacon beacon = new Beacon(UUID.randomUUID().toString(), store.id(), identity, OptionalInt.of(-59), Optional.of(zone.id()),
                Optional.of(new GeoPoint(Math.nextDown(0.05), 0.1 + 0.2)),
                new Beacon.Telemetry(Optional.of(SEEN), OptionalInt.of(2950), Optional.of(21.5)), T0);

        assertThat(beacons.insertAll(List.of(beacon))).isEmpty();

        assertThat(beacons.find(beacon.id())).contains(beacon);
        assertThat(beacons.findByUniqueKey(identity.uniqueKey())).as("found by identity, as the gateway resolves sightings").contains(beacon);
        assertThat(beacons.findByUniqueKey(identity.uniqueKey() + "0")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("identities")
    void readsBackEachKindWithEveryOptionalFieldAbsent(BeaconIdentity identity) {
        Beacon beacon = new Beacon(UUID.randomUUID().toString(), store.id(), identity, OptionalInt.empty(), Optional.empty(),
                Optional.empty(), Beacon.Telemetry.none(), T0);

        assertThat(beacons.insertAll(List.of(beacon))).isEmpty();

        assertThat(beacons.find(beacon.id())).contains(beacon);
    }

    @Test
    void keepsZeroAndNegativeValuesApartFromAbsence() {
        Beacon beacon = new Beacon(UUID.randomUUID().toString(), store.id(), new BeaconIdentity.IBeacon(UUID.randomUUID(), 0, 0),
                OptionalInt.of(0), Optional.empty(), Optional.of(new GeoPoint(0, 0)),
                new Beacon.Telemetry(Optional.empty(), OptionalInt.of(0), Optional.of(-0.5)), T0);

        beacons.insertAll(List.of(beacon));

        assertThat(beacons.find(beacon.id())).contains(beacon);
    }

    @Test
    void readsBackTelemetryTheGatewayWroteIntoTheRow() throws SQLException {
        Beacon beacon = beacon(store, new BeaconIdentity.EddystoneUid("edd1ebeac04e5defa017", "000000000001"), T0);
        beacons.insertAll(List.of(beacon));

        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE registry_beacon SET last_seen = ?, battery_mv = ?, temperature_c = ? WHERE id = ?")) {
            update.setObject(1, OffsetDateTime.ofInstant(SEEN, ZoneOffset.ofHours(2)));
            update.setInt(2, 3012);
            update.setDouble(3, -4.25);
            update.setString(4, beacon.id());
            assertThat(update.executeUpdate()).isOne();
        }

        assertThat(beacons.find(beacon.id()).orElseThrow().telemetry())
                .isEqualTo(new Beacon.Telemetry(Optional.of(SEEN), OptionalInt.of(3012), Optional.of(-4.25)));
    }

    @Test
    void readsAPositionOnlyWhenBothCoordinatesAreSet() throws SQLException {
        Beacon beacon = beacon(store, new BeaconIdentity.IBeacon(UUID.randomUUID(), 1, 2), T0);
        beacons.insertAll(List.of(beacon));

        execute("UPDATE registry_beacon SET lat = 52.5, lon = NULL WHERE id = '" + beacon.id() + "'");
        assertThat(beacons.find(beacon.id()).orElseThrow().position()).isEmpty();

        execute("UPDATE registry_beacon SET lat = 52.5, lon = 13.25 WHERE id = '" + beacon.id() + "'");
        assertThat(beacons.find(beacon.id()).orElseThrow().position()).contains(new GeoPoint(52.5, 13.25));
    }

    @Test
    void readsBackInstantsTruncatedToMicroseconds() {
        Beacon beacon = new Beacon(UUID.randomUUID().toString(), store.id(), new BeaconIdentity.IBeacon(UUID.randomUUID(), 1, 1),
                OptionalInt.empty(), Optional.empty(), Optional.empty(),
                new Beacon.Telemetry(Optional.of(Instant.parse("2024-03-02T08:00:01.999999999Z")), OptionalInt.empty(), Optional.empty()),
                Instant.parse("2024-03-01T10:15:30.123456789Z"));

        beacons.insertAll(List.of(beacon));

        Beacon read = beacons.find(beacon.id()).orElseThrow();
        assertThat(read.createdAt()).isEqualTo(Instant.parse("2024-03-01T10:15:30.123456Z"));
        assertThat(read.telemetry().lastSeen()).contains(Instant.parse("2024-03-02T08:00:01.999999Z"));
    }

    @Test
    void findsNothingForAnUnknownId() {
        beacons.insertAll(List.of(beacon(store, new BeaconIdentity.IBeacon(UUID.randomUUID(), 1, 1), T0)));

        assertThat(beacons.find(UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void returnsTheKeysAlreadyRegisteredAndInsertsNoneOfTheBatch() {
        BeaconIdentity.IBeacon taken = new BeaconIdentity.IBeacon(UUID.randomUUID(), 7, 8);
        BeaconIdentity.EddystoneEid takenEid = new BeaconIdentity.EddystoneEid("sealed-1", "cd".repeat(32), 10, 0);
        Beacon original = beacon(store, taken, T0);
        Beacon originalEid = beacon(otherStore, takenEid, T0);
        beacons.insertAll(List.of(original, originalEid));

        Beacon fresh = beacon(store, new BeaconIdentity.AltBeacon("00".repeat(16), 1, 2), T0);
        // the same keys in other stores, the EID with another sealed key
        Beacon again = beacon(otherStore, new BeaconIdentity.IBeacon(taken.uuid(), 7, 8), T0);
        Beacon eidAgain = beacon(store, new BeaconIdentity.EddystoneEid("sealed-2", takenEid.keyFingerprint(), 12, 0), T0);

        List<String> conflicts = beacons.insertAll(List.of(fresh, eidAgain, again));

        assertThat(conflicts).containsExactly(takenEid.uniqueKey(), taken.uniqueKey());
        assertThat(beacons.find(fresh.id())).isEmpty();
        assertThat(beacons.find(again.id())).isEmpty();
        assertThat(beacons.find(eidAgain.id())).isEmpty();
        assertThat(beacons.find(original.id())).contains(original);
        assertThat(beacons.list(store.id(), PageRequest.first()).items()).containsExactly(original);
        assertThat(beacons.list(otherStore.id(), PageRequest.first()).items()).containsExactly(originalEid);
    }

    @Test
    void returnsTheKeysThatOccurTwiceInTheBatchAndInsertsNone() {
        Beacon a = beacon(store, new BeaconIdentity.EddystoneUid("edd1ebeac04e5defa017", "0000000000aa"), T0);
        Beacon b = beacon(store, new BeaconIdentity.IBeacon(UUID.randomUUID(), 1, 1), T0);
        // differs only in case, which the identity normalises away
        Beacon aAgain = beacon(otherStore, new BeaconIdentity.EddystoneUid("EDD1EBEAC04E5DEFA017", "0000000000AA"), T0);
        Beacon aThird = beacon(store, new BeaconIdentity.EddystoneUid("edd1ebeac04e5defa017", "0000000000aa"), T0);

        assertThat(beacons.insertAll(List.of(a, b, aAgain, aThird))).containsExactly(a.identity().uniqueKey());

        assertThat(beacons.list(store.id(), PageRequest.first()).total()).isZero();
        assertThat(beacons.list(otherStore.id(), PageRequest.first()).total()).isZero();
        // AND the batch without the duplicate goes in afterwards
        assertThat(beacons.insertAll(List.of(a, b))).isEmpty();
        assertThat(beacons.list(store.id(), PageRequest.first()).items()).containsExactly(a, b);
    }

    @Test
    void returnsTheKeysTakenConcurrentlyAfterTheLookupAndInsertsNone() {
        Beacon a = beacon(store, new BeaconIdentity.IBeacon(UUID.randomUUID(), 1, 1), T0);
        Beacon b = beacon(store, new BeaconIdentity.AltBeacon("11".repeat(16), 3, 4), T0);
        Beacon rival = beacon(otherStore, b.identity(), T0);
        // GIVEN another writer that registers b's key just before the batch is inserted
        BeaconRepository racing = new JdbcBeaconRepository(
                beforeFirstInsert(dataSource, () -> assertThat(new JdbcBeaconRepository(dataSource).insertAll(List.of(rival))).isEmpty()));

        assertThat(racing.insertAll(List.of(a, b))).containsExactly(b.identity().uniqueKey());

        assertThat(beacons.find(a.id())).isEmpty();
        assertThat(beacons.find(b.id())).isEmpty();
        assertThat(beacons.find(rival.id())).contains(rival);
        assertThat(beacons.list(store.id(), PageRequest.first()).total()).isZero();
    }

    @Test
    void refusesABatchWithATakenIdAndInsertsNone() {
        Beacon original = beacon(store, new BeaconIdentity.IBeacon(UUID.randomUUID(), 1, 1), T0);
        beacons.insertAll(List.of(original));
        Beacon fresh = beacon(store, new BeaconIdentity.IBeacon(UUID.randomUUID(), 2, 2), T0);
        Beacon impostor = new Beacon(original.id(), otherStore.id(), new BeaconIdentity.IBeacon(UUID.randomUUID(), 3, 3),
                OptionalInt.empty(), Optional.empty(), Optional.empty(), Beacon.Telemetry.none(), T0);

        assertThatThrownBy(() -> beacons.insertAll(List.of(fresh, impostor)))
                .isInstanceOfSatisfying(RepositoryException.class, e -> assertThat(e.isDuplicateKey()).isTrue())
                .hasMessageStartingWith("inserting 2 beacons failed");

        assertThat(beacons.find(original.id())).contains(original);
        assertThat(beacons.find(fresh.id())).isEmpty();
    }

    @Test
    void refusesABeaconInAnUnknownZoneAndInsertsNoneOfTheBatch() {
        Beacon fine = beacon(store, new BeaconIdentity.IBeacon(UUID.randomUUID(), 1, 1), T0);
        Beacon misplaced = new Beacon(UUID.randomUUID().toString(), store.id(), new BeaconIdentity.IBeacon(UUID.randomUUID(), 2, 2),
                OptionalInt.empty(), Optional.of(UUID.randomUUID().toString()), Optional.empty(), Beacon.Telemetry.none(), T0);

        assertThatThrownBy(() -> beacons.insertAll(List.of(fine, misplaced)))
                .isInstanceOfSatisfying(RepositoryException.class, e -> assertThat(e.isDuplicateKey()).isFalse())
                .hasMessageStartingWith("inserting 2 beacons failed");

        assertThat(beacons.find(fine.id())).isEmpty();
        assertThat(beacons.list(store.id(), PageRequest.first()).total()).isZero();
    }

    @Test
    void refusesABeaconOfAnUnknownStore() {
        Beacon orphan = beacon(new Store(StoreId.random(), "gone", ZoneId.of("UTC"), new GeoPoint(0, 0), T0),
                new BeaconIdentity.IBeacon(UUID.randomUUID(), 1, 1), T0);

        assertThatThrownBy(() -> beacons.insertAll(List.of(orphan)))
                .isInstanceOfSatisfying(RepositoryException.class, e -> assertThat(e.isDuplicateKey()).isFalse());
        assertThat(beacons.find(orphan.id())).isEmpty();
    }

    @Test
    void listsTheStoresBeaconsOldestFirstInPagesByInsertionOrderNotByTimestamp() {
        // GIVEN timestamps that run backwards and another store's beacon in between
        Beacon first = beacon(store, new BeaconIdentity.IBeacon(UUID.randomUUID(), 1, 1), T0.plusSeconds(2));
        Beacon elsewhere = beacon(otherStore, new BeaconIdentity.IBeacon(UUID.randomUUID(), 1, 1), T0);
        Beacon second = beacon(store, new BeaconIdentity.EddystoneUid("edd1ebeac04e5defa017", "000000000002"), T0.plusSeconds(1));
        Beacon third = beacon(store, new BeaconIdentity.AltBeacon("22".repeat(16), 5, 6), T0);
        beacons.insertAll(List.of(first, elsewhere));
        beacons.insertAll(List.of(second, third));

        assertThat(beacons.list(store.id(), new PageRequest(0, 2))).isEqualTo(new Page<>(List.of(first, second), 0, 2, 3));
        assertThat(beacons.list(store.id(), new PageRequest(1, 2))).isEqualTo(new Page<>(List.of(third), 1, 2, 3));
        assertThat(beacons.list(store.id(), new PageRequest(5, 2))).isEqualTo(new Page<>(List.of(), 5, 2, 3));
        assertThat(beacons.list(otherStore.id(), PageRequest.first()))
                .isEqualTo(new Page<>(List.of(elsewhere), 0, PageRequest.DEFAULT_SIZE, 1));
        assertThat(beacons.list(StoreId.random(), PageRequest.first()).total()).isZero();
    }

    @Test
    void insertsNoBeaconsWithoutAskingTheDatabase() {
        BeaconRepository withoutDatabase = new JdbcBeaconRepository(unusableDataSource());

        assertThat(withoutDatabase.insertAll(List.of())).isEmpty();
    }

    @Test
    void listsOnlyTheStoresEidBeaconsOldestFirst() {
        Beacon first = beacon(store, new BeaconIdentity.EddystoneEid("sealed-a", "01".repeat(32), 10, 5), T0);
        Beacon second = beacon(store, new BeaconIdentity.EddystoneEid("sealed-b", "02".repeat(32), 0, -7), T0.plusSeconds(1));
        Beacon elsewhere = beacon(otherStore, new BeaconIdentity.EddystoneEid("sealed-c", "03".repeat(32), 10, 0), T0);
        Beacon fixed = beacon(store, new BeaconIdentity.EddystoneUid("edd1ebeac04e5defa017", "0bdb87539b67"), T0);
        assertThat(beacons.insertAll(List.of(first, second, elsewhere, fixed))).isEmpty();

        assertThat(beacons.eidBeacons(store.id())).containsExactly(first, second);
    }

    @Test
    void recordsTelemetryKeepingLastKnownValuesAndSaysWhetherTheBeaconExists() {
        Beacon beacon = beacon(store, new BeaconIdentity.EddystoneUid("edd1ebeac04e5defa017", "0bdb87539b67"), T0);
        beacons.insertAll(List.of(beacon));

        assertThat(beacons.recordTelemetry(beacon.id(), SEEN, OptionalInt.of(2875), Optional.of(-4.25))).isTrue();
        assertThat(beacons.recordTelemetry(beacon.id(), SEEN.plusSeconds(60), OptionalInt.empty(), Optional.empty())).isTrue();
        assertThat(beacons.recordTelemetry(UUID.randomUUID().toString(), SEEN, OptionalInt.empty(), Optional.empty())).isFalse();

        assertThat(beacons.find(beacon.id())).hasValueSatisfying(found -> assertThat(found.telemetry())
                .as("heard later without TLM: last seen moves on, battery and temperature stay")
                .isEqualTo(new Beacon.Telemetry(Optional.of(SEEN.plusSeconds(60)), OptionalInt.of(2875), Optional.of(-4.25))));
    }

    private static Beacon beacon(Store store, BeaconIdentity identity, Instant createdAt) {
        return new Beacon(UUID.randomUUID().toString(), store.id(), identity, OptionalInt.of(-60), Optional.empty(),
                Optional.of(new GeoPoint(52.52, 13.405)), Beacon.Telemetry.none(), createdAt);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The data source, whose connections run the action once, just before the first beacon insert is prepared. */
    private static DataSource beforeFirstInsert(DataSource dataSource, Runnable action) {
        AtomicBoolean done = new AtomicBoolean();
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, arguments) -> {
                    Object result = invoke(method, dataSource, arguments);
                    if (!(result instanceof Connection connection)) {
                        return result;
                    }
                    return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                            (connectionProxy, connectionMethod, connectionArguments) -> {
                                if (connectionMethod.getName().equals("prepareStatement")
                                        && String.valueOf(connectionArguments[0]).startsWith("INSERT INTO registry_beacon")
                                        && done.compareAndSet(false, true)) {
                                    action.run();
                                }
                                return invoke(connectionMethod, connection, connectionArguments);
                            });
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static DataSource unusableDataSource() {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, arguments) -> {
                    throw new AssertionError("the database was asked: " + method.getName());
                });
    }

    @Test
    void deletesABeaconOnceAndKeepsAZoneWhileABeaconIsPlacedInIt() {
        Beacon beacon = new Beacon(UUID.randomUUID().toString(), store.id(), new BeaconIdentity.IBeacon(UUID.randomUUID(), 1, 2), OptionalInt.empty(),
                Optional.of(zone.id()), Optional.empty(), Beacon.Telemetry.none(), T0);
        beacons.insertAll(List.of(beacon));
        ZoneRepository zones = new JdbcZoneRepository(dataSource);

        assertThat(zones.delete(zone.id())).isEqualTo(Deletion.IN_USE);
        assertThat(zones.find(zone.id())).isPresent();

        assertThat(beacons.delete(beacon.id())).isEqualTo(Deletion.DELETED);
        assertThat(beacons.delete(beacon.id())).isEqualTo(Deletion.NOT_FOUND);
        assertThat(beacons.find(beacon.id())).isEmpty();
        assertThat(zones.delete(zone.id())).isEqualTo(Deletion.DELETED);
        assertThat(zones.delete(zone.id())).isEqualTo(Deletion.NOT_FOUND);
    }
}
