package io.nearcast.registry.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.nearcast.kernel.domain.EphemeralId;
import io.nearcast.kernel.domain.MasterKey;
import io.nearcast.kernel.domain.SecretBox;
import io.nearcast.registry.domain.Beacon;
import io.nearcast.registry.domain.BeaconFields;
import io.nearcast.registry.domain.BeaconIdentity;
import io.nearcast.registry.domain.BeaconResolver;
import io.nearcast.registry.domain.GeoPoint;
import io.nearcast.registry.domain.Zone;
import io.nearcast.registry.domain.ZoneShape;
import io.nearcast.testing.H2MemoryDatabase;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Resolving what a scanner heard to a registered beacon, on a real (H2) registry: fixed identities
 * by key, Eddystone-EIDs by computing the store's beacons' ids at their own clocks within the skew.
 */
class BeaconResolverTest {

    private static final Instant REGISTERED = Instant.parse("2026-11-23T12:00:00Z");
    private static final String KEY_HEX = "e2b1f48c5a7d69e0b3c4d5e6f7081920";

    private final H2MemoryDatabase database = new H2MemoryDatabase();
    private final SecretBox box = new SecretBox(MasterKey.generate(new SecureRandom()), new SecureRandom());
    private JdbcBeaconRepository repository;
    private JdbcZoneRepository zones;
    private TwoStores stores;
    private BeaconResolver resolver;

    @BeforeEach
    void registry() {
        DataSource dataSource = RegistryMigrations.migrated(database.dataSource());
        repository = new JdbcBeaconRepository(dataSource);
        zones = new JdbcZoneRepository(dataSource);
        stores = TwoStores.insertedInto(dataSource, REGISTERED);
        resolver = new BeaconResolver(repository, box);
    }

    @AfterEach
    void close() throws SQLException {
        database.close();
    }

    /** Registered as the API does: the beacon's clock read at registration ({@code beaconTime}), key sealed. */
    private Beacon eidBeacon(long beaconTimeAtRegistration, int exponent) {
        String id = UUID.randomUUID().toString();
        BeaconFields fields = new BeaconFields("eddystone-eid", null, null, null, null, null, null, null, null, KEY_HEX, exponent,
                -20, null, null, null, beaconTimeAtRegistration);
        Beacon beacon = new Beacon(id, stores.store().id(), fields.identity(box, id, REGISTERED), OptionalInt.of(-61), Optional.empty(),
                Optional.of(new GeoPoint(52.52, 13.405)), Beacon.Telemetry.none(), REGISTERED);
        assertThat(repository.insertAll(List.of(beacon))).isEmpty();
        return beacon;
    }

    private static byte[] eid(long beaconTime, int exponent) {
        return EphemeralId.compute(HexFormat.of().parseHex(KEY_HEX), exponent, beaconTime);
    }

    @Test
    void resolvesAnEidAtTheBeaconsOwnClockIncludingNeighbouringPeriods() {
        Beacon beacon = eidBeacon(1_000, 10); // the beacon said 1000 s when registered
        Instant later = REGISTERED.plusSeconds(50_000); // beacon time 51000
        String store = stores.store().id().value();

        for (long beaconTime : new long[] {51_000, 51_000 - 1024, 51_000 + 1024}) {
            assertThat(resolver.byEphemeralId(store, eid(beaconTime, 10), later)).as("beacon time " + beaconTime)
                    .hasValueSatisfying(found -> {
                        assertThat(found.beaconId()).isEqualTo(beacon.id());
                        assertThat(found.txPower()).hasValue(-61);
                    });
        }
        assertThat(resolver.byEphemeralId(store, eid(51_000 + 3 * 1024, 10), later)).as("three periods ahead").isEmpty();
        assertThat(resolver.byEphemeralId(store, eid(later.getEpochSecond(), 10), later)).as("at Unix time instead of the beacon's").isEmpty();
        assertThat(resolver.byEphemeralId(stores.otherStore().id().value(), eid(51_000, 10), later)).as("another store's scanner").isEmpty();
    }

    @Test
    void aFastRotatingBeaconIsFoundWithinTheSkew() {
        eidBeacon(REGISTERED.getEpochSecond(), 0); // a new id every second, clock in Unix seconds
        Instant at = REGISTERED.plusSeconds(3_600);

        assertThat(resolver.byEphemeralId(stores.store().id().value(), eid(at.getEpochSecond() - 60, 0), at)).isPresent();
        assertThat(resolver.byEphemeralId(stores.store().id().value(), eid(at.getEpochSecond() + 70, 0), at)).isEmpty();
    }

    @Test
    void findsAFixedIdentityByKeyAndRemembersTheAnswer() {
        Beacon uid = new Beacon(UUID.randomUUID().toString(), stores.otherStore().id(),
                new BeaconIdentity.EddystoneUid("edd1ebeac04e5defa017", "0bdb87539b67"), OptionalInt.empty(), Optional.empty(), Optional.empty(),
                Beacon.Telemetry.none(), REGISTERED);
        repository.insertAll(List.of(uid));

        assertThat(resolver.byIdentity(uid.identity().uniqueKey())).hasValueSatisfying(found -> {
            assertThat(found.storeId()).isEqualTo(stores.otherStore().id().value());
            assertThat(found.txPower()).isEmpty();
        });
        assertThat(resolver.byIdentity("eddystone-uid:00000000000000000000:000000000000")).isEmpty();
    }

    @Test
    void tellsTheZoneTheBeaconIsPlacedIn() {
        Zone wine = new Zone(UUID.randomUUID().toString(), stores.store().id(), "Wine", OptionalInt.of(0), List.of(),
                new ZoneShape.Circle(new GeoPoint(52.52, 13.405), 10), REGISTERED, OptionalInt.empty());
        zones.insert(wine);
        Beacon placed = new Beacon(UUID.randomUUID().toString(), stores.store().id(),
                new BeaconIdentity.IBeacon(UUID.fromString("f7826da6-4fa2-4e98-8024-bc5b71e0893e"), 1, 7), OptionalInt.of(-59),
                Optional.of(wine.id()), Optional.empty(), Beacon.Telemetry.none(), REGISTERED);
        Beacon loose = new Beacon(UUID.randomUUID().toString(), stores.store().id(),
                new BeaconIdentity.IBeacon(UUID.fromString("f7826da6-4fa2-4e98-8024-bc5b71e0893e"), 1, 8), OptionalInt.empty(),
                Optional.empty(), Optional.empty(), Beacon.Telemetry.none(), REGISTERED);
        assertThat(repository.insertAll(List.of(placed, loose))).isEmpty();

        assertThat(resolver.byIdentity(placed.identity().uniqueKey())).hasValueSatisfying(found -> {
            assertThat(found.beaconId()).isEqualTo(placed.id());
            assertThat(found.zoneId()).contains(wine.id());
        });
        assertThat(resolver.byIdentity(loose.identity().uniqueKey())).hasValueSatisfying(found -> assertThat(found.zoneId()).isEmpty());
    }

    @Test
    void tellsTheZoneOfAnEidBeacon() {
        Zone wine = new Zone(UUID.randomUUID().toString(), stores.store().id(), "Wine", OptionalInt.empty(), List.of(),
                new ZoneShape.Circle(new GeoPoint(52.52, 13.405), 10), REGISTERED, OptionalInt.empty());
        zones.insert(wine);
        String id = UUID.randomUUID().toString();
        BeaconFields fields = new BeaconFields("eddystone-eid", null, null, null, null, null, null, null, null, KEY_HEX, 10,
                null, null, null, null, REGISTERED.getEpochSecond());
        Beacon beacon = new Beacon(id, stores.store().id(), fields.identity(box, id, REGISTERED), OptionalInt.empty(), Optional.of(wine.id()),
                Optional.empty(), Beacon.Telemetry.none(), REGISTERED);
        assertThat(repository.insertAll(List.of(beacon))).isEmpty();

        assertThat(resolver.byEphemeralId(stores.store().id().value(), eid(REGISTERED.getEpochSecond(), 10), REGISTERED))
                .hasValueSatisfying(found -> assertThat(found.zoneId()).contains(wine.id()));
    }

    @Test
    void rejectsABadBeaconTime() {
        BeaconFields fields = new BeaconFields("eddystone-eid", null, null, null, null, null, null, null, null, KEY_HEX, 10,
                null, null, null, null, -1L);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fields.identity(box, UUID.randomUUID().toString(), REGISTERED))
                .hasMessageContaining("beaconTime");
    }
}
