package io.nearcast.registry.jdbc;

import io.nearcast.kernel.persistence.RepositoryException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nearcast.kernel.domain.Deletion;
import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import io.nearcast.registry.domain.Beacon;
import io.nearcast.registry.domain.BeaconIdentity;
import io.nearcast.registry.domain.Device;
import io.nearcast.registry.domain.DeviceKind;
import io.nearcast.registry.domain.GeoPoint;
import io.nearcast.registry.domain.PasswordHash;
import io.nearcast.registry.domain.Store;
import io.nearcast.registry.domain.StoreId;
import io.nearcast.registry.domain.Zone;
import io.nearcast.registry.domain.ZoneRepository;
import io.nearcast.registry.domain.ZoneShape;
import java.lang.reflect.Proxy;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/** What every {@link ZoneRepository} on a database must do; run against H2 and PostgreSQL. */
@Timeout(60)
abstract class ZoneRepositoryContract {

    private static final Instant T0 = Instant.parse("2024-03-01T10:15:30.123456Z");
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    /** Coordinates with 17 and 18 fraction digits: they change when printed with JTS's default 16. */
    private static final double AWKWARD_LON = 0.1 + 0.2;
    private static final double AWKWARD_LAT = Math.nextDown(0.05);

    private DataSource dataSource;
    private ZoneRepository zones;
    private Store store;
    private Store otherStore;

    /** A fresh database (or schema) with the registry's tables, for one test. */
    abstract DataSource freshDataSource() throws Exception;

    @BeforeEach
    void createRepositoryAndStores() throws Exception {
        dataSource = freshDataSource();
        zones = new JdbcZoneRepository(dataSource);
        TwoStores stores = TwoStores.insertedInto(dataSource, T0);
        store = stores.store();
        otherStore = stores.otherStore();
    }

    @Test
    void readsBackAPolygonWithAHoleExactly() {
        Polygon withHole = GEOMETRY.createPolygon(
                ring(AWKWARD_LON, AWKWARD_LAT, 13.41, AWKWARD_LAT, Math.nextUp(13.41), 52.51, AWKWARD_LON, 52.51, AWKWARD_LON, AWKWARD_LAT),
                new LinearRing[] {ring(13.4001, 52.5001, 13.4002, 52.5001, 13.4002, 1e-7 + 52.5002, 13.4001, 52.5002, 13.4001, 52.5001)});
        Zone zone = zone(store, "Wine – 🍷 aisle", OptionalInt.of(2), List.of("wine", "checkout"), new ZoneShape.Area(withHole), T0);

        zones.insert(zone);

        Zone read = zones.find(zone.id()).orElseThrow();
        assertThat(areaOf(read).equalsExact(withHole)).as("geometry read back: %s", areaOf(read)).isTrue();
        assertThat(read).isEqualTo(zone);
    }

    @Test
    void readsBackAMultiPolygonExactly() {
        Geometry multi = GEOMETRY.createMultiPolygon(new Polygon[] {
                GEOMETRY.createPolygon(ring(-180, -90, -179.99999999999997, -90, -179.99999999999997, -89.9, -180, -90)),
                GEOMETRY.createPolygon(ring(AWKWARD_LON, AWKWARD_LAT, 179.9, AWKWARD_LAT, 180, 90, AWKWARD_LON, AWKWARD_LAT)),
        });
        Zone zone = zone(store, "Car park", OptionalInt.empty(), List.of(), new ZoneShape.Area(multi), T0);

        zones.insert(zone);

        Zone read = zones.find(zone.id()).orElseThrow();
        assertThat(areaOf(read).getGeometryType()).isEqualTo("MultiPolygon");
        assertThat(areaOf(read).equalsExact(multi)).as("geometry read back: %s", areaOf(read)).isTrue();
        assertThat(read).isEqualTo(zone);
    }

    @Test
    void readsBackACircleExactly() {
        ZoneShape.Circle circle = new ZoneShape.Circle(new GeoPoint(AWKWARD_LAT, AWKWARD_LON), 0.1 + 0.2 + 150);
        Zone zone = zone(store, "Geofence", OptionalInt.of(0), List.of("outdoor"), circle, T0);

        zones.insert(zone);

        assertThat(zones.find(zone.id()).orElseThrow().shape()).isEqualTo(circle);
        assertThat(zones.find(zone.id())).contains(zone);
    }

    @Test
    void keepsTheFloorOrItsAbsence() {
        Zone basement = zone(store, "basement", OptionalInt.of(-1), List.of(), circle(), T0);
        Zone ground = zone(store, "ground", OptionalInt.of(0), List.of(), circle(), T0);
        Zone outdoor = zone(store, "outdoor", OptionalInt.empty(), List.of(), circle(), T0);

        List.of(basement, ground, outdoor).forEach(zones::insert);

        assertThat(zones.find(basement.id()).orElseThrow().floor()).isEqualTo(OptionalInt.of(-1));
        assertThat(zones.find(ground.id()).orElseThrow().floor()).isEqualTo(OptionalInt.of(0));
        assertThat(zones.find(outdoor.id()).orElseThrow().floor()).isEqualTo(OptionalInt.empty());
    }

    @Test
    void keepsTagsInTheGivenOrderAndNoTagsAsNone() {
        List<String> tags = List.of("wine", "checkout", "aisle-10", "aisle-2", "Bier", "wine-", "🛒");
        List<String> reversedTags = List.of("🛒", "wine-", "Bier", "aisle-2", "aisle-10", "checkout", "wine");
        Zone tagged = zone(store, "tagged", OptionalInt.empty(), tags, circle(), T0);
        Zone reversed = zone(store, "reversed", OptionalInt.empty(), reversedTags, circle(), T0);
        Zone untagged = zone(store, "untagged", OptionalInt.empty(), List.of(), circle(), T0);

        List.of(tagged, reversed, untagged).forEach(zones::insert);

        assertThat(zones.find(tagged.id()).orElseThrow().tags()).containsExactlyElementsOf(tags);
        assertThat(zones.find(reversed.id()).orElseThrow().tags()).containsExactlyElementsOf(reversedTags);
        assertThat(zones.find(untagged.id()).orElseThrow().tags()).isEmpty();
        assertThat(zones.list(store.id(), PageRequest.first()).items()).containsExactly(tagged, reversed, untagged);
    }

    @Test
    void readsBackCreatedAtTruncatedToMicroseconds() {
        Zone zone = zone(store, "precise", OptionalInt.empty(), List.of(), circle(), Instant.parse("2024-03-01T10:15:30.123456789Z"));

        zones.insert(zone);

        assertThat(zones.find(zone.id()).orElseThrow().createdAt()).isEqualTo(Instant.parse("2024-03-01T10:15:30.123456Z"));
    }

    @Test
    void findsNothingForAnUnknownId() {
        zones.insert(zone(store, "known", OptionalInt.empty(), List.of(), circle(), T0));

        assertThat(zones.find(UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void listsTheStoresZonesOldestFirstInPagesByInsertionOrderNotByTimestamp() {
        // GIVEN timestamps that run backwards, as after a clock adjustment, and another store's zones in between
        Zone first = zone(store, "first", OptionalInt.of(1), List.of("a", "b"), circle(), T0.plusSeconds(2));
        Zone elsewhere = zone(otherStore, "elsewhere", OptionalInt.empty(), List.of("x"), circle(), T0);
        Zone second = zone(store, "second", OptionalInt.empty(), List.of(), square(), T0.plusSeconds(1));
        Zone third = zone(store, "third", OptionalInt.of(0), List.of("c"), square(), T0);
        List.of(first, elsewhere, second, third).forEach(zones::insert);

        Page<Zone> page0 = zones.list(store.id(), new PageRequest(0, 2));
        Page<Zone> page1 = zones.list(store.id(), new PageRequest(1, 2));

        assertThat(page0).isEqualTo(new Page<>(List.of(first, second), 0, 2, 3));
        assertThat(page1).isEqualTo(new Page<>(List.of(third), 1, 2, 3));
        assertThat(zones.list(otherStore.id(), PageRequest.first())).isEqualTo(new Page<>(List.of(elsewhere), 0, PageRequest.DEFAULT_SIZE, 1));
    }

    @Test
    void listsAnEmptyPageBeyondTheEndWithTheTotal() {
        zones.insert(zone(store, "only", OptionalInt.empty(), List.of(), circle(), T0));

        assertThat(zones.list(store.id(), new PageRequest(5, 2))).isEqualTo(new Page<>(List.of(), 5, 2, 1));
    }

    @Test
    void listsNothingForAStoreWithoutZones() {
        zones.insert(zone(otherStore, "not mine", OptionalInt.empty(), List.of(), circle(), T0));

        assertThat(zones.list(store.id(), PageRequest.first())).isEqualTo(new Page<>(List.of(), 0, PageRequest.DEFAULT_SIZE, 0));
        assertThat(zones.list(StoreId.random(), PageRequest.first()).total()).isZero();
    }

    @Test
    void insertsAllZonesInTheGivenOrder() {
        Zone a = zone(store, "a", OptionalInt.of(0), List.of("one", "two"), square(), T0);
        Zone b = zone(store, "b", OptionalInt.empty(), List.of(), circle(), T0);
        Zone c = zone(otherStore, "c", OptionalInt.of(1), List.of("three"), circle(), T0);

        zones.insertAll(List.of(a, b, c));

        assertThat(zones.list(store.id(), PageRequest.first()).items()).containsExactly(a, b);
        assertThat(zones.find(c.id())).contains(c);
    }

    @Test
    void insertsNoneOfTheZonesWhenOneHasATakenId() {
        Zone a = zone(store, "a", OptionalInt.of(0), List.of("one", "two"), square(), T0);
        Zone b = zone(store, "b", OptionalInt.empty(), List.of("three"), circle(), T0);
        Zone duplicateOfA = new Zone(a.id(), store.id(), "a again", OptionalInt.empty(), List.of("four"), circle(), T0, OptionalInt.empty());

        assertThatThrownBy(() -> zones.insertAll(List.of(a, b, duplicateOfA)))
                .isInstanceOfSatisfying(RepositoryException.class, e -> assertThat(e.isDuplicateKey()).isTrue())
                .hasMessageStartingWith("inserting 3 zones failed");

        assertThat(zones.find(a.id())).isEmpty();
        assertThat(zones.find(b.id())).isEmpty();
        assertThat(zones.list(store.id(), PageRequest.first()).total()).isZero();
        // AND the same zones go in afterwards: nothing of the failed import was left behind
        zones.insertAll(List.of(a, b));
        assertThat(zones.list(store.id(), PageRequest.first()).items()).containsExactly(a, b);
    }

    @Test
    void insertsNoneOfTheZonesWhenOneIsOfAnUnknownStore() {
        Zone a = zone(store, "a", OptionalInt.empty(), List.of("one"), circle(), T0);
        Zone orphan = new Zone(UUID.randomUUID().toString(), StoreId.random(), "orphan", OptionalInt.empty(), List.of(), circle(), T0, OptionalInt.empty());
        Zone c = zone(store, "c", OptionalInt.empty(), List.of(), circle(), T0);

        assertThatThrownBy(() -> zones.insertAll(List.of(a, orphan, c))).isInstanceOf(RepositoryException.class);

        assertThat(zones.list(store.id(), PageRequest.first()).total()).isZero();
    }

    @Test
    void refusesAZoneOfAnUnknownStore() {
        Zone orphan = new Zone(UUID.randomUUID().toString(), StoreId.random(), "orphan", OptionalInt.empty(), List.of("x"), circle(), T0, OptionalInt.empty());

        assertThatThrownBy(() -> zones.insert(orphan))
                .isInstanceOfSatisfying(RepositoryException.class, e -> assertThat(e.isDuplicateKey()).isFalse())
                .hasMessageStartingWith("inserting zone " + orphan.id() + " failed");
        assertThat(zones.find(orphan.id())).isEmpty();
    }

    @Test
    void refusesASecondZoneWithATakenIdAndKeepsTheFirst() {
        Zone original = zone(store, "original", OptionalInt.of(1), List.of("kept"), square(), T0);
        zones.insert(original);
        Zone impostor = new Zone(original.id(), otherStore.id(), "impostor", OptionalInt.empty(), List.of("lost"), circle(), T0, OptionalInt.empty());

        assertThatThrownBy(() -> zones.insert(impostor))
                .isInstanceOfSatisfying(RepositoryException.class, e -> assertThat(e.isDuplicateKey()).isTrue());
        assertThat(zones.find(original.id())).contains(original);
        assertThat(zones.list(otherStore.id(), PageRequest.first()).total()).isZero();
    }

    @Test
    void keepsTheDwellTimeOrItsAbsence() {
        Zone quick = withDwell(zone(store, "quick", OptionalInt.empty(), List.of(), circle(), T0), OptionalInt.of(1));
        Zone day = withDwell(zone(store, "day", OptionalInt.empty(), List.of(), square(), T0), OptionalInt.of(86_400));
        Zone serverDefault = zone(store, "default", OptionalInt.empty(), List.of(), circle(), T0);

        zones.insertAll(List.of(quick, day, serverDefault));

        assertThat(zones.find(quick.id()).orElseThrow().dwellSeconds()).isEqualTo(OptionalInt.of(1));
        assertThat(zones.find(day.id()).orElseThrow().dwellSeconds()).isEqualTo(OptionalInt.of(86_400));
        assertThat(zones.find(serverDefault.id()).orElseThrow().dwellSeconds()).isEqualTo(OptionalInt.empty());
    }

    @Test
    void updateReplacesNameFloorTagsShapeAndDwellTimeAndKeepsTheZonesPlace() {
        Zone first = withDwell(zone(store, "Wine", OptionalInt.of(0), List.of("wine", "aisle-7", "red"), square(), T0), OptionalInt.of(30));
        Zone second = zone(store, "Beer", OptionalInt.empty(), List.of(), circle(), T0);
        zones.insertAll(List.of(first, second));
        Zone changed = new Zone(first.id(), store.id(), "Wine & spirits", OptionalInt.empty(), List.of("spirits", "wine"), circle(),
                T0, OptionalInt.empty());

        assertThat(zones.update(changed)).isTrue();

        assertThat(zones.find(first.id())).contains(changed);
        assertThat(zones.list(store.id(), PageRequest.first()).items()).containsExactly(changed, second);
        // AND back from a circle to an area, with a dwell time again
        Zone again = withDwell(new Zone(first.id(), store.id(), "Wine", OptionalInt.of(-1), List.of(), square(), T0, OptionalInt.empty()),
                OptionalInt.of(600));
        assertThat(zones.update(again)).isTrue();
        assertThat(zones.find(first.id())).contains(again);
    }

    @Test
    void updateOfAnUnknownZoneOrOfAZoneUnderAnotherStoreChangesNothing() {
        Zone original = zone(store, "original", OptionalInt.of(1), List.of("kept"), square(), T0);
        zones.insert(original);
        Zone moved = new Zone(original.id(), otherStore.id(), "moved", OptionalInt.empty(), List.of("lost"), circle(), T0, OptionalInt.empty());

        assertThat(zones.update(zone(store, "unknown", OptionalInt.empty(), List.of("x"), circle(), T0))).isFalse();
        assertThat(zones.update(moved)).isFalse();

        assertThat(zones.find(original.id())).contains(original);
        assertThat(zones.everyZone()).containsExactly(original);
    }

    @Test
    void readsEveryZoneOfEveryStoreByStoreThenInsertionOrderWithTheirTags() {
        Zone a1 = withDwell(zone(store, "a1", OptionalInt.of(0), List.of("one", "two", "three"), square(), T0.plusSeconds(9)), OptionalInt.of(45));
        Zone b1 = zone(otherStore, "b1", OptionalInt.empty(), List.of("x"), circle(), T0);
        Zone a2 = zone(store, "a2", OptionalInt.empty(), List.of(), circle(), T0);
        Zone b2 = zone(otherStore, "b2", OptionalInt.of(3), List.of("y", "z"), square(), T0);
        Zone a3 = zone(store, "a3", OptionalInt.empty(), List.of("four"), square(), T0);
        List.of(a1, b1, a2, b2, a3).forEach(zones::insert);

        List<Zone> every = zones.everyZone();

        boolean storeFirst = store.id().value().compareTo(otherStore.id().value()) < 0;
        assertThat(every).containsExactlyElementsOf(storeFirst ? List.of(a1, a2, a3, b1, b2) : List.of(b1, b2, a1, a2, a3));
    }

    @Test
    void readsNoZonesWhenThereAreNone() {
        assertThat(zones.everyZone()).isEmpty();
    }

    @Test
    void deletesAZoneAndItsTagsOnce() {
        Zone zone = zone(store, "gone", OptionalInt.empty(), List.of("a", "b"), circle(), T0);
        zones.insert(zone);

        assertThat(zones.delete(zone.id())).isEqualTo(Deletion.DELETED);
        assertThat(zones.delete(zone.id())).isEqualTo(Deletion.NOT_FOUND);
        assertThat(zones.find(zone.id())).isEmpty();
        // AND the id can be used again: the old tags went with the zone
        Zone reused = new Zone(zone.id(), store.id(), "new", OptionalInt.empty(), List.of(), square(), T0, OptionalInt.empty());
        zones.insert(reused);
        assertThat(zones.find(zone.id())).contains(reused);
    }

    @Test
    void aZoneWithABeaconOrADevicePlacedInItIsInUseUntilTheyAreGone() {
        Zone zone = zone(store, "Wine", OptionalInt.empty(), List.of(), circle(), T0);
        zones.insert(zone);
        JdbcBeaconRepository beacons = new JdbcBeaconRepository(dataSource);
        JdbcDeviceRepository devices = new JdbcDeviceRepository(dataSource);
        Beacon beacon = new Beacon(UUID.randomUUID().toString(), store.id(),
                new BeaconIdentity.EddystoneUid("edd1ebeac04e5defa017", "0bdb87539b67"), OptionalInt.empty(), Optional.of(zone.id()),
                Optional.empty(), Beacon.Telemetry.none(), T0);
        assertThat(beacons.insertAll(List.of(beacon))).isEmpty();
        Device device = new Device(UUID.randomUUID().toString(), store.id(), DeviceKind.SCANNER, "Wine scanner", true,
                PasswordHash.create("secret", 1_000, new SecureRandom()), "v1:sealed", T0, T0,
                Optional.of(zone.id()));
        devices.insert(device);
        assertThat(zones.placements(zone.id())).isEqualTo(new ZoneRepository.Placements(1, 1));

        assertThat(zones.delete(zone.id())).isEqualTo(Deletion.IN_USE);
        beacons.delete(beacon.id());
        assertThat(zones.placements(zone.id())).isEqualTo(new ZoneRepository.Placements(0, 1));
        assertThat(zones.delete(zone.id())).isEqualTo(Deletion.IN_USE);
        devices.update(device.withZone(Optional.empty()));

        assertThat(zones.placements(zone.id())).isEqualTo(new ZoneRepository.Placements(0, 0));
        assertThat(zones.delete(zone.id())).isEqualTo(Deletion.DELETED);
        assertThat(zones.placements(zone.id())).isEqualTo(new ZoneRepository.Placements(0, 0));
    }

    @Test
    void insertsNoZonesWithoutAskingTheDatabase() {
        ZoneRepository withoutDatabase = new JdbcZoneRepository(unusableDataSource());

        withoutDatabase.insertAll(List.of());
    }

    private static Zone zone(Store store, String name, OptionalInt floor, List<String> tags, ZoneShape shape, Instant createdAt) {
        return new Zone(UUID.randomUUID().toString(), store.id(), name, floor, tags, shape, createdAt, OptionalInt.empty());
    }

    private static Zone withDwell(Zone zone, OptionalInt dwellSeconds) {
        return new Zone(zone.id(), zone.storeId(), zone.name(), zone.floor(), zone.tags(), zone.shape(), zone.createdAt(), dwellSeconds);
    }

    private static ZoneShape.Circle circle() {
        return new ZoneShape.Circle(new GeoPoint(52.52, 13.405), 25);
    }

    private static ZoneShape.Area square() {
        return new ZoneShape.Area(GEOMETRY.createPolygon(ring(13.4, 52.5, 13.41, 52.5, 13.41, 52.51, 13.4, 52.51, 13.4, 52.5)));
    }

    /** A ring from lon, lat pairs (x = longitude, y = latitude). */
    private static LinearRing ring(double... lonLat) {
        Coordinate[] coordinates = new Coordinate[lonLat.length / 2];
        for (int i = 0; i < coordinates.length; i++) {
            coordinates[i] = new Coordinate(lonLat[2 * i], lonLat[2 * i + 1]);
        }
        return GEOMETRY.createLinearRing(coordinates);
    }

    private static Geometry areaOf(Zone zone) {
        return ((ZoneShape.Area) zone.shape()).geometry();
    }

    private static DataSource unusableDataSource() {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, arguments) -> {
                    throw new AssertionError("the database was asked: " + method.getName());
                });
    }
}
