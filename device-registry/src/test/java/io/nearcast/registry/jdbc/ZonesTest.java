package io.nearcast.registry.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nearcast.kernel.domain.Caller;
import io.nearcast.kernel.domain.Conflict;
import io.nearcast.kernel.domain.NotFound;
import io.nearcast.kernel.domain.PageRequest;
import io.nearcast.kernel.domain.Role;
import io.nearcast.registry.domain.AuditLog;
import io.nearcast.registry.domain.Device;
import io.nearcast.registry.domain.DeviceKind;
import io.nearcast.registry.domain.GeoPoint;
import io.nearcast.registry.domain.NewStore;
import io.nearcast.registry.domain.NewZone;
import io.nearcast.registry.domain.PasswordHash;
import io.nearcast.registry.domain.Store;
import io.nearcast.registry.domain.StoreId;
import io.nearcast.registry.domain.Stores;
import io.nearcast.registry.domain.Zone;
import io.nearcast.registry.domain.ZoneChange;
import io.nearcast.registry.domain.ZoneChanges;
import io.nearcast.registry.domain.ZoneRepository;
import io.nearcast.registry.domain.ZoneShape;
import io.nearcast.registry.domain.Zones;
import io.nearcast.testing.H2MemoryDatabase;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The zones service on H2: each change the registry takes is announced once, with its store, after
 * the repository holds it; a refused change is not announced; a failing listener fails nothing.
 */
class ZonesTest {

    private static final Clock CLOCK = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    private static final ZoneShape CIRCLE = new ZoneShape.Circle(new GeoPoint(52.52, 13.405), 15);

    private final H2MemoryDatabase database = new H2MemoryDatabase();
    private final ZoneChanges changes = new ZoneChanges();
    /** Each announcement, with what the repository held for the store at that moment. */
    private final List<Announcement> announced = new CopyOnWriteArrayList<>();
    private DataSource dataSource;
    private ZoneRepository repository;
    private AuditLog audit;
    private Zones zones;
    private Store store;
    private Store otherStore;
    private Caller staff;

    private record Announcement(StoreId storeId, List<Zone> heldThen) {
    }

    @BeforeEach
    void createServicesAndStores() {
        dataSource = RegistryMigrations.migrated(database.dataSource());
        audit = new JdbcAuditLog(dataSource);
        Stores stores = new Stores(new JdbcStoreRepository(dataSource), audit, CLOCK);
        repository = new JdbcZoneRepository(dataSource);
        zones = new Zones(repository, stores, audit, CLOCK, changes);
        changes.subscribe(storeId -> announced.add(new Announcement(storeId, repository.list(storeId, PageRequest.first()).items())));
        store = stores.create(Caller.bootstrapAdmin(), new NewStore("Mitte", ZoneId.of("Europe/Berlin"), new GeoPoint(52.52, 13.4)));
        otherStore = stores.create(Caller.bootstrapAdmin(), new NewStore("Kreuzberg", ZoneId.of("Europe/Berlin"), new GeoPoint(52.49, 13.42)));
        staff = new Caller("token:t1", Role.STAFF, Set.of(store.id().value()));
    }

    @AfterEach
    void closeDatabase() throws Exception {
        database.close();
    }

    private static NewZone newZone(String name) {
        return NewZone.of(name, null, List.of(), CIRCLE, 30);
    }

    private String storeId() {
        return store.id().value();
    }

    @Test
    void creatingAZoneAnnouncesItsStoreOnceWithTheZoneAlreadyStored() {
        Zone zone = zones.create(staff, storeId(), newZone("Wine"));

        assertThat(announced).containsExactly(new Announcement(store.id(), List.of(zone)));
        assertThat(zone.dwellSeconds()).isEqualTo(OptionalInt.of(30));
    }

    @Test
    void importingAnnouncesTheStoreOnceForAllTheZones() {
        List<Zone> imported = zones.importAll(staff, storeId(), List.of(newZone("a"), newZone("b"), newZone("c")));

        assertThat(announced).containsExactly(new Announcement(store.id(), imported));
    }

    @Test
    void updatingAnnouncesTheStoreOnceWithTheChangeStoredAndAudited() {
        Zone zone = zones.create(staff, storeId(), newZone("Wine"));
        announced.clear();

        Zone changed = zones.update(staff, storeId(), zone.id(), ZoneChange.read(Map.of("name", "Wine & spirits", "dwellSeconds", 90)));

        assertThat(changed.name()).isEqualTo("Wine & spirits");
        assertThat(changed.dwellSeconds()).isEqualTo(OptionalInt.of(90));
        assertThat(announced).containsExactly(new Announcement(store.id(), List.of(changed)));
        assertThat(audit.list(PageRequest.first()).items().get(0)).satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("update");
            assertThat(entry.resource()).isEqualTo("zone/" + zone.id());
            assertThat(entry.summary()).isEqualTo("name=Wine & spirits, dwellSeconds=90");
        });
    }

    @Test
    void deletingAnnouncesTheStoreOnceWithTheZoneGone() {
        Zone zone = zones.create(staff, storeId(), newZone("Wine"));
        announced.clear();

        zones.delete(staff, storeId(), zone.id());

        assertThat(announced).containsExactly(new Announcement(store.id(), List.of()));
    }

    @Test
    void aRefusedChangeIsNotAnnounced() {
        Zone zone = zones.create(Caller.bootstrapAdmin(), storeId(), newZone("Wine"));
        Zone elsewhere = zones.create(Caller.bootstrapAdmin(), otherStore.id().value(), newZone("Elsewhere"));
        announced.clear();
        ZoneChange rename = ZoneChange.read(Map.of("name", "Renamed"));

        assertThatThrownBy(() -> zones.create(staff, otherStore.id().value(), newZone("x"))).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> zones.importAll(staff, UUID.randomUUID().toString(), List.of(newZone("x")))).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> zones.update(staff, storeId(), UUID.randomUUID().toString(), rename)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> zones.update(staff, storeId(), elsewhere.id(), rename)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> zones.update(staff, otherStore.id().value(), elsewhere.id(), rename)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> zones.delete(staff, storeId(), elsewhere.id())).isInstanceOf(NotFound.class);
        placeADeviceIn(zone);
        assertThatThrownBy(() -> zones.delete(staff, storeId(), zone.id())).isInstanceOf(Conflict.class);

        assertThat(announced).isEmpty();
        assertThat(repository.find(elsewhere.id())).contains(elsewhere);
    }

    @Test
    void aZoneWithADevicePlacedInItIsKeptAndTheConflictSaysSo() {
        Zone zone = zones.create(staff, storeId(), newZone("Wine"));
        placeADeviceIn(zone);

        assertThatThrownBy(() -> zones.delete(staff, storeId(), zone.id()))
                .isInstanceOf(Conflict.class)
                .hasMessage("zone " + zone.id() + " cannot be deleted: devices are still placed in it;"
                        + " move them to another zone (PATCH zoneId) or delete them first");
        assertThat(repository.find(zone.id())).contains(zone);
    }

    @Test
    void aListenerThatThrowsFailsNeitherTheChangeNorTheListenersAfterIt() {
        ZoneChanges failing = new ZoneChanges();
        List<StoreId> reached = new CopyOnWriteArrayList<>();
        failing.subscribe(storeId -> {
            throw new IllegalStateException("index rebuild failed");
        });
        failing.subscribe(reached::add);
        Zones withFailingListener = new Zones(repository, new Stores(new JdbcStoreRepository(dataSource), audit, CLOCK), audit, CLOCK, failing);

        Zone zone = withFailingListener.create(staff, storeId(), newZone("Wine"));

        assertThat(repository.find(zone.id())).contains(zone);
        assertThat(reached).containsExactly(store.id());
        assertThat(failing.failures()).isEqualTo(1);
    }

    private void placeADeviceIn(Zone zone) {
        new JdbcDeviceRepository(dataSource).insert(new Device(UUID.randomUUID().toString(), zone.storeId(), DeviceKind.SCANNER, "Scanner", true,
                PasswordHash.create("secret", 1_000, new SecureRandom()), "v1:sealed", CLOCK.instant(), CLOCK.instant(), Optional.of(zone.id())));
    }
}
