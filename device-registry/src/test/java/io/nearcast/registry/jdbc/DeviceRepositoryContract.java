package io.nearcast.registry.jdbc;

import io.nearcast.kernel.persistence.RepositoryException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import io.nearcast.registry.domain.Device;
import io.nearcast.registry.domain.DeviceKind;
import io.nearcast.registry.domain.DeviceRepository;
import io.nearcast.registry.domain.GeoPoint;
import io.nearcast.registry.domain.PasswordHash;
import io.nearcast.registry.domain.Store;
import io.nearcast.registry.domain.StoreId;
import io.nearcast.registry.domain.Zone;
import io.nearcast.registry.domain.ZoneShape;
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

/** What every {@link DeviceRepository} on a database must do; run against H2 and PostgreSQL. */
@Timeout(60)
abstract class DeviceRepositoryContract {

    private static final Instant T0 = Instant.parse("2024-03-01T10:15:30.123456Z");
    private static final Instant T1 = Instant.parse("2024-03-05T07:00:00.000001Z");
    private static final SecureRandom RANDOM = new SecureRandom();

    private DeviceRepository devices;
    private JdbcZoneRepository zones;
    private Store store;
    private Store otherStore;

    /** A fresh database (or schema) with the registry's tables, for one test. */
    abstract DataSource freshDataSource() throws Exception;

    @BeforeEach
    void createRepositoryAndStores() throws Exception {
        DataSource dataSource = freshDataSource();
        devices = new JdbcDeviceRepository(dataSource);
        zones = new JdbcZoneRepository(dataSource);
        TwoStores stores = TwoStores.insertedInto(dataSource, T0);
        store = stores.store();
        otherStore = stores.otherStore();
    }

    private Device device(Store in, DeviceKind kind) {
        return new Device(UUID.randomUUID().toString(), in.id(), kind, "Till 3 " + kind.wireName(), true,
                PasswordHash.create("secret-" + UUID.randomUUID(), 1_000, RANDOM), "v1:sealed-" + UUID.randomUUID(), T0, T0);
    }

    @Test
    void readsBackEveryKindExactly() {
        for (DeviceKind kind : DeviceKind.values()) {
            Device device = device(store, kind);
            devices.insert(device);
            assertThat(devices.find(device.id())).contains(device);
        }
    }

    private Zone zone(Store in) {
        Zone zone = new Zone(UUID.randomUUID().toString(), in.id(), "Wine", OptionalInt.empty(), List.of(),
                new ZoneShape.Circle(new GeoPoint(52.52, 13.405), 10), T0, OptionalInt.empty());
        zones.insert(zone);
        return zone;
    }

    @Test
    void keepsTheZoneADeviceIsPlacedInMovesItAndTakesItOut() {
        Zone wine = zone(store);
        Zone entrance = zone(store);
        Device device = device(store, DeviceKind.SCANNER).withZone(Optional.of(wine.id()));
        devices.insert(device);
        assertThat(devices.find(device.id())).contains(device);

        Device moved = device.withZone(Optional.of(entrance.id()));
        assertThat(devices.update(moved)).isTrue();
        assertThat(devices.find(device.id())).contains(moved);

        Device unplaced = moved.withZone(Optional.empty());
        assertThat(devices.update(unplaced)).isTrue();
        assertThat(devices.find(device.id())).contains(unplaced);
        assertThat(devices.list(store.id(), PageRequest.first()).items()).containsExactly(unplaced);
    }

    @Test
    void refusesAZoneOfAnotherStoreOrAnUnknownZone() {
        Zone elsewhere = zone(otherStore);
        Device placed = device(store, DeviceKind.KIOSK);
        devices.insert(placed);

        for (String zoneId : List.of(elsewhere.id(), UUID.randomUUID().toString())) {
            assertThatThrownBy(() -> devices.insert(device(store, DeviceKind.SCANNER).withZone(Optional.of(zoneId))))
                    .isInstanceOf(RepositoryException.class);
            assertThatThrownBy(() -> devices.update(placed.withZone(Optional.of(zoneId))))
                    .isInstanceOf(RepositoryException.class);
        }
        assertThat(devices.find(placed.id())).contains(placed);
        assertThat(devices.list(store.id(), PageRequest.first()).total()).isEqualTo(1);
    }

    @Test
    void findsNothingForAnUnknownId() {
        assertThat(devices.find(UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void updatesNameEnabledAndCredentialsButNotIdentity() {
        Device device = device(store, DeviceKind.SCANNER);
        devices.insert(device);
        Device changed = device.withName("Entrance scanner").withEnabled(false)
                .withCredentials(PasswordHash.create("rotated", 1_000, RANDOM), "v1:rotated", T1);

        assertThat(devices.update(changed)).isTrue();

        Device read = devices.find(device.id()).orElseThrow();
        assertThat(read).isEqualTo(changed);
        assertThat(read.createdAt()).isEqualTo(T0);
        assertThat(read.mqttPassword().matches("rotated".getBytes())).isTrue();
    }

    @Test
    void updateOfAnUnknownDeviceChangesNothing() {
        assertThat(devices.update(device(store, DeviceKind.KIOSK))).isFalse();
    }

    @Test
    void deletesOnce() {
        Device device = device(store, DeviceKind.NFC_READER);
        devices.insert(device);

        assertThat(devices.delete(device.id())).isTrue();
        assertThat(devices.delete(device.id())).isFalse();
        assertThat(devices.find(device.id())).isEmpty();
    }

    @Test
    void listsOnlyTheStoresDevicesOldestFirstInPages() {
        Device first = device(store, DeviceKind.SCANNER);
        Device second = device(store, DeviceKind.KIOSK);
        Device third = device(store, DeviceKind.NFC_READER);
        Device elsewhere = device(otherStore, DeviceKind.SCANNER);
        for (Device device : new Device[] {first, second, elsewhere, third}) {
            devices.insert(device);
        }

        Page<Device> page1 = devices.list(store.id(), new PageRequest(0, 2));
        Page<Device> page2 = devices.list(store.id(), new PageRequest(1, 2));

        assertThat(page1.items()).containsExactly(first, second);
        assertThat(page2.items()).containsExactly(third);
        assertThat(page1.total()).isEqualTo(3);
    }

    @Test
    void refusesADeviceOfAnUnknownStoreOrATakenId() {
        Device device = device(store, DeviceKind.SCANNER);
        devices.insert(device);
        Device orphan = new Device(UUID.randomUUID().toString(), StoreId.random(), DeviceKind.SCANNER, "x", true,
                device.mqttPassword(), device.sealedPsk(), T0, T0);

        assertThatThrownBy(() -> devices.insert(device)).isInstanceOf(RepositoryException.class);
        assertThatThrownBy(() -> devices.insert(orphan)).isInstanceOf(RepositoryException.class);
    }
}
