package io.nearcast.registry.jdbc;

import io.nearcast.testing.H2MemoryDatabase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nearcast.kernel.domain.Caller;
import io.nearcast.kernel.domain.InvalidField;
import io.nearcast.kernel.domain.MasterKey;
import io.nearcast.kernel.domain.NotFound;
import io.nearcast.kernel.domain.Role;
import io.nearcast.kernel.domain.SecretBox;
import io.nearcast.kernel.domain.Unavailable;
import io.nearcast.registry.domain.AuditLog;
import io.nearcast.registry.domain.BrokerAccounts;
import io.nearcast.registry.domain.Device;
import io.nearcast.registry.domain.DeviceChange;
import io.nearcast.registry.domain.DeviceAuthentication;
import io.nearcast.registry.domain.Devices;
import io.nearcast.registry.domain.GeoPoint;
import io.nearcast.registry.domain.IssuedDevice;
import io.nearcast.registry.domain.NewStore;
import io.nearcast.registry.domain.Store;
import io.nearcast.registry.domain.Stores;
import io.nearcast.registry.domain.Zone;
import io.nearcast.registry.domain.ZoneShape;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The devices service on H2 with a broker that records what it is told: credentials generated
 * once, checked against the registry as it is now, and the broker changed before the registry
 * and sessions ended after it.
 */
class DevicesTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Microsecond ticks, what the databases store (as the server's registry clock). */
    private static final Clock CLOCK = Clock.tick(Clock.systemUTC(), java.time.Duration.ofNanos(1_000));

    private final H2MemoryDatabase database = new H2MemoryDatabase();
    private final RecordingBroker broker = new RecordingBroker();
    private JdbcDeviceRepository repository;
    private JdbcZoneRepository zones;
    private Stores stores;
    private Devices devices;
    private DeviceAuthentication authentication;
    private Store store;
    private Caller staff;

    @BeforeEach
    void createStoreAndServices() {
        DataSource dataSource = RegistryMigrations.migrated(database.dataSource());
        AuditLog audit = new JdbcAuditLog(dataSource);
        stores = new Stores(new JdbcStoreRepository(dataSource), audit, CLOCK);
        SecretBox box = new SecretBox(MasterKey.generate(RANDOM), RANDOM);
        repository = new JdbcDeviceRepository(dataSource);
        zones = new JdbcZoneRepository(dataSource);
        devices = new Devices(repository, zones, stores, audit, box, broker, CLOCK, RANDOM, 1_000);
        authentication = new DeviceAuthentication(repository, box, RANDOM);
        store = stores.create(Caller.bootstrapAdmin(), new NewStore("Mitte", java.time.ZoneId.of("Europe/Berlin"), new GeoPoint(52.52, 13.4)));
        staff = new Caller("token:t1", Role.STAFF, Set.of(store.id().value()));
    }

    @AfterEach
    void closeDatabase() throws Exception {
        database.close();
    }

    @Test
    void createsADeviceWhoseGeneratedCredentialsAuthenticate() {
        IssuedDevice issued = devices.create(staff, store.id().value(), "scanner", "Entrance", null);
        Device device = issued.device();

        assertThat(device.topicPrefix()).isEqualTo("nearcast/v1/stores/" + store.id() + "/devices/" + device.id() + "/");
        assertThat(authentication.mqtt(device.id(), bytes(issued.secrets().mqttPassword()))).contains(device);
        assertThat(authentication.mqtt(device.id(), bytes(issued.secrets().mqttPassword() + "x"))).isEmpty();
        assertThat(authentication.psk(device.pskIdentity())).hasValueSatisfying(
                psk -> assertThat(psk).isEqualTo(bytes(issued.secrets().pskKey())));
        assertThat(broker.calls).containsExactly("provision " + device.id());
    }

    @Test
    void storesNeitherSecretInClear() {
        IssuedDevice issued = devices.create(staff, store.id().value(), "kiosk", "Wine kiosk", null);
        Device stored = repository.find(issued.device().id()).orElseThrow();

        assertThat(stored.mqttPassword().encoded()).doesNotContain(issued.secrets().mqttPassword());
        assertThat(stored.sealedPsk()).startsWith("v1:").doesNotContain(issued.secrets().pskKey());
        assertThat(issued.secrets().toString()).doesNotContain(issued.secrets().pskKey());
    }

    @Test
    void rotationRetiresTheOldCredentialsAndEndsSessionsAfterTheRegistryChanged() {
        IssuedDevice first = devices.create(staff, store.id().value(), "scanner", "Entrance", null);
        String id = first.device().id();
        assertThat(authentication.mqtt(id, bytes(first.secrets().mqttPassword()))).isPresent();

        IssuedDevice second = devices.rotateCredentials(staff, store.id().value(), id);

        assertThat(authentication.mqtt(id, bytes(first.secrets().mqttPassword()))).isEmpty();
        assertThat(authentication.mqtt(id, bytes(second.secrets().mqttPassword()))).isPresent();
        assertThat(authentication.psk(id)).hasValueSatisfying(psk -> assertThat(psk).isEqualTo(bytes(second.secrets().pskKey())));
        assertThat(second.secrets().pskKey()).isNotEqualTo(first.secrets().pskKey());
        assertThat(broker.calls).containsExactly("provision " + id, "changePassword " + id, "endSessions " + id);
        assertThat(broker.registryStateAtEndSessions).hasValueSatisfying(
                device -> assertThat(device.credentialsIssuedAt()).isEqualTo(second.device().credentialsIssuedAt()));
    }

    @Test
    void aDisabledDeviceIsRefusedEverywhereUntilEnabledAgain() {
        IssuedDevice issued = devices.create(staff, store.id().value(), "nfc-reader", "Till 1", null);
        String id = issued.device().id();

        Device disabled = devices.update(staff, store.id().value(), id, DeviceChange.none().withEnabled(false));

        assertThat(disabled.enabled()).isFalse();
        assertThat(authentication.mqtt(id, bytes(issued.secrets().mqttPassword()))).isEmpty();
        assertThat(authentication.psk(id)).isEmpty();
        assertThat(broker.registryStateAtEndSessions).hasValueSatisfying(device -> assertThat(device.enabled()).isFalse());

        devices.update(staff, store.id().value(), id, DeviceChange.none().withEnabled(true));
        assertThat(authentication.mqtt(id, bytes(issued.secrets().mqttPassword()))).isPresent();
        assertThat(broker.calls).containsExactly("provision " + id, "disable " + id, "endSessions " + id, "enable " + id);
    }

    @Test
    void isActiveOnlyInItsOwnStoreAndWhileEnabled() {
        IssuedDevice issued = devices.create(staff, store.id().value(), "scanner", "Entrance", null);
        String id = issued.device().id();

        assertThat(authentication.isActive(store.id().value(), id)).isTrue();
        assertThat(authentication.isActive("other-store", id)).isFalse();
        assertThat(authentication.isActive(store.id().value(), "not-a-device")).isFalse();
        devices.update(staff, store.id().value(), id, DeviceChange.none().withEnabled(false));
        assertThat(authentication.isActive(store.id().value(), id)).isFalse();
    }

    @Test
    void aDeletedDeviceIsGoneAndRefused() {
        IssuedDevice issued = devices.create(staff, store.id().value(), "scanner", "Old", null);
        String id = issued.device().id();

        devices.delete(staff, store.id().value(), id);

        assertThatThrownBy(() -> devices.get(staff, store.id().value(), id)).isInstanceOf(NotFound.class);
        assertThat(authentication.mqtt(id, bytes(issued.secrets().mqttPassword()))).isEmpty();
        assertThat(broker.calls).containsExactly("provision " + id, "remove " + id, "endSessions " + id);
    }

    @Test
    void registersNothingWhenTheBrokerDoesNotConfirm() {
        broker.failNext = true;

        assertThatThrownBy(() -> devices.create(staff, store.id().value(), "scanner", "Entrance", null)).isInstanceOf(Unavailable.class);
        assertThat(devices.list(staff, store.id().value(), io.nearcast.kernel.domain.PageRequest.first()).total()).isZero();
    }

    @Test
    void namesTheFieldOfAnInvalidKindOrName() {
        assertThatThrownBy(() -> devices.create(staff, store.id().value(), "toaster", "x", null))
                .isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.field()).isEqualTo("kind"));
        assertThatThrownBy(() -> devices.create(staff, store.id().value(), "scanner", " ", null))
                .isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThat(broker.calls).isEmpty();
    }

    @Test
    void unknownOrMalformedUserNamesAreRefusedWithoutALookup() {
        assertThat(authentication.mqtt("nearcast-service", bytes("x"))).isEmpty();
        assertThat(authentication.mqtt("00000000-0000-0000-0000-000000000000", bytes("x"))).isEmpty();
        assertThat(authentication.psk("' OR 1=1 --")).isEmpty();
    }

    @Test
    void staffOfAnotherStoreDoNotFindTheDevice() {
        IssuedDevice issued = devices.create(staff, store.id().value(), "scanner", "Entrance", null);
        Caller otherStaff = new Caller("token:t2", Role.STAFF, Set.of("6f1c1f43-0000-4000-8000-000000000000"));

        assertThatThrownBy(() -> devices.get(otherStaff, store.id().value(), issued.device().id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> devices.rotateCredentials(otherStaff, store.id().value(), issued.device().id())).isInstanceOf(NotFound.class);
    }

    @Test
    void placesADeviceInAZoneOfItsStoreMovesItAndTakesItOut() {
        Zone wine = zone(store);
        Zone entrance = zone(store);
        IssuedDevice issued = devices.create(staff, store.id().value(), "scanner", "Wine aisle", wine.id());
        String id = issued.device().id();
        assertThat(repository.find(id).orElseThrow().zoneId()).contains(wine.id());

        Device moved = devices.update(staff, store.id().value(), id, DeviceChange.none().withZone(entrance.id()));
        assertThat(moved.zoneId()).contains(entrance.id());
        assertThat(repository.find(id).orElseThrow().zoneId()).contains(entrance.id());

        Device renamed = devices.update(staff, store.id().value(), id, DeviceChange.none().withName("Entrance"));
        assertThat(renamed.zoneId()).as("a change without zoneId keeps the zone").contains(entrance.id());

        Device unplaced = devices.update(staff, store.id().value(), id, DeviceChange.none().withZone(null));
        assertThat(unplaced.zoneId()).isEmpty();
        assertThat(repository.find(id).orElseThrow().zoneId()).isEmpty();
        assertThat(broker.calls).containsExactly("provision " + id);
    }

    @Test
    void refusesAZoneOfAnotherStoreOrAnUnknownOneNamingZoneId() {
        Store other = stores.create(Caller.bootstrapAdmin(), new NewStore("Kreuzberg", java.time.ZoneId.of("Europe/Berlin"), new GeoPoint(52.49, 13.42)));
        Zone elsewhere = zone(other);
        String id = devices.create(staff, store.id().value(), "kiosk", "Kiosk", null).device().id();

        for (String zoneId : List.of(elsewhere.id(), UUID.randomUUID().toString())) {
            assertThatThrownBy(() -> devices.create(staff, store.id().value(), "scanner", "Wine", zoneId))
                    .isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.field()).isEqualTo("zoneId"));
            assertThatThrownBy(() -> devices.update(staff, store.id().value(), id, DeviceChange.none().withZone(zoneId)))
                    .isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.field()).isEqualTo("zoneId"));
        }
        assertThat(repository.find(id).orElseThrow().zoneId()).isEmpty();
        assertThat(broker.calls).containsExactly("provision " + id);
    }

    private Zone zone(Store in) {
        Zone zone = new Zone(UUID.randomUUID().toString(), in.id(), "Wine", OptionalInt.empty(), List.of(),
                new ZoneShape.Circle(new GeoPoint(52.52, 13.405), 10), Instant.EPOCH, OptionalInt.empty());
        zones.insert(zone);
        return zone;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Records calls in order, and what the registry held when sessions were ended. */
    private final class RecordingBroker implements BrokerAccounts {
        final List<String> calls = new ArrayList<>();
        Optional<Device> registryStateAtEndSessions = Optional.empty();
        boolean failNext;

        @Override
        public void provision(Device device, String mqttPassword) {
            if (failNext) {
                failNext = false;
                throw new Unavailable("broker did not answer", null);
            }
            calls.add("provision " + device.id());
        }

        @Override
        public void changePassword(Device device, String mqttPassword) {
            calls.add("changePassword " + device.id());
        }

        @Override
        public void setEnabled(Device device, boolean enabled) {
            calls.add((enabled ? "enable " : "disable ") + device.id());
        }

        @Override
        public void remove(Device device) {
            calls.add("remove " + device.id());
        }

        @Override
        public void endSessions(Device device) {
            calls.add("endSessions " + device.id());
            registryStateAtEndSessions = repository.find(device.id());
        }
    }
}
