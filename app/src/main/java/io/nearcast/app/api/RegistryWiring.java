package io.nearcast.app.api;

import io.micronaut.context.annotation.Factory;
import io.nearcast.app.runtime.NearcastRuntime;
import io.nearcast.kernel.persistence.SchemaModule;
import io.nearcast.kernel.domain.SecretBox;
import io.nearcast.registry.domain.AuditLog;
import io.nearcast.registry.domain.BeaconRepository;
import io.nearcast.registry.domain.BeaconResolver;
import io.nearcast.registry.domain.DeviceAuthentication;
import io.nearcast.registry.domain.DeviceRepository;
import io.nearcast.registry.domain.Devices;
import io.nearcast.registry.domain.PasswordHash;
import io.nearcast.registry.domain.Beacons;
import io.nearcast.registry.domain.StoreRepository;
import io.nearcast.registry.domain.Stores;
import io.nearcast.registry.domain.TagBatchRepository;
import io.nearcast.registry.domain.TagBatches;
import io.nearcast.registry.domain.TagKeys;
import io.nearcast.registry.domain.TagRepository;
import io.nearcast.registry.domain.Tags;
import io.nearcast.registry.domain.TokenRepository;
import io.nearcast.registry.domain.Tokens;
import io.nearcast.registry.domain.ZoneChanges;
import io.nearcast.registry.domain.ZoneRepository;
import io.nearcast.registry.domain.Zones;
import io.nearcast.registry.jdbc.JdbcAuditLog;
import io.nearcast.registry.jdbc.JdbcBeaconRepository;
import io.nearcast.registry.jdbc.JdbcDeviceRepository;
import io.nearcast.registry.jdbc.JdbcStoreRepository;
import io.nearcast.registry.jdbc.JdbcTagBatchRepository;
import io.nearcast.registry.jdbc.JdbcTagRepository;
import io.nearcast.registry.jdbc.JdbcTokenRepository;
import io.nearcast.registry.jdbc.JdbcZoneRepository;
import io.nearcast.registry.jdbc.RegistrySchema;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the device registry into the all-in-one server: JDBC adapters on the server's database,
 * the registry's services on top. Created on first use, which is after the runtime started the
 * database (HTTP is the last part to start).
 */
@Factory
class RegistryWiring {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryWiring.class);

    @Singleton
    @Named("registry")
    SchemaModule registrySchema() {
        return RegistrySchema.MODULE;
    }

    @Singleton
    StoreRepository storeRepository(NearcastRuntime runtime) {
        return new JdbcStoreRepository(runtime.database().dataSource());
    }

    @Singleton
    TokenRepository tokenRepository(NearcastRuntime runtime) {
        return new JdbcTokenRepository(runtime.database().dataSource());
    }

    @Singleton
    AuditLog auditLog(NearcastRuntime runtime) {
        return new JdbcAuditLog(runtime.database().dataSource());
    }

    /** Microsecond ticks: what both databases store, so a created resource reads back identically. */
    @Singleton
    @Named("registry")
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    @Singleton
    Stores stores(StoreRepository repository, AuditLog audit, @Named("registry") Clock clock) {
        return new Stores(repository, audit, clock);
    }

    @Singleton
    ZoneRepository zoneRepository(NearcastRuntime runtime) {
        return new JdbcZoneRepository(runtime.database().dataSource());
    }

    /**
     * Where zone changes are announced: inject it and {@link ZoneChanges#subscribe} to hear of every
     * created, imported, changed or deleted zone (the geofence index rebuilds from it). A listener
     * that throws is logged here and does not fail the change.
     */
    @Singleton
    ZoneChanges zoneChanges() {
        return new ZoneChanges((listener, storeId, failure) ->
                LOG.warn("A zone listener ({}) failed on a change of store {}'s zones", listener.getClass().getName(), storeId, failure));
    }

    @Singleton
    Zones zones(ZoneRepository repository, Stores stores, AuditLog audit, @Named("registry") Clock clock, ZoneChanges changes) {
        return new Zones(repository, stores, audit, clock, changes);
    }

    @Singleton
    BeaconRepository beaconRepository(NearcastRuntime runtime) {
        return new JdbcBeaconRepository(runtime.database().dataSource());
    }

    /** Matches what the gateway hears to registered beacons (EIDs at the beacon's clock). */
    @Singleton
    BeaconResolver beaconResolver(BeaconRepository repository, SecretBox box) {
        return new BeaconResolver(repository, box);
    }

    /** Seals secrets at rest (beacon identity keys, device PSKs, tag keys) with the master key. */
    @Singleton
    SecretBox secretBox(NearcastRuntime runtime) {
        return new SecretBox(runtime.secrets().masterKey(), new SecureRandom());
    }

    @Singleton
    Beacons beacons(BeaconRepository repository, ZoneRepository zones, Stores stores, AuditLog audit, SecretBox box, @Named("registry") Clock clock) {
        return new Beacons(repository, zones, stores, audit, box, clock);
    }

    @Singleton
    DeviceRepository deviceRepository(NearcastRuntime runtime) {
        return new JdbcDeviceRepository(runtime.database().dataSource());
    }

    /** Used by the runtime when it starts the broker and the DTLS listener (after the database). */
    @Singleton
    DeviceAuthentication deviceAuthentication(DeviceRepository repository, SecretBox box) {
        return new DeviceAuthentication(repository, box, new SecureRandom());
    }

    @Singleton
    Devices devices(DeviceRepository repository, ZoneRepository zones, Stores stores, AuditLog audit, SecretBox box, @Named("registry") Clock clock,
                    NearcastRuntime runtime) {
        return new Devices(repository, zones, stores, audit, box, runtime.brokerAccounts(), clock, new SecureRandom(), PasswordHash.DEFAULT_ITERATIONS);
    }

    @Singleton
    TagRepository tagRepository(NearcastRuntime runtime) {
        return new JdbcTagRepository(runtime.database().dataSource());
    }

    @Singleton
    TagBatchRepository tagBatchRepository(NearcastRuntime runtime) {
        return new JdbcTagBatchRepository(runtime.database().dataSource());
    }

    @Singleton
    Tags tags(TagRepository repository, TagBatchRepository batches, Stores stores, AuditLog audit, SecretBox box, @Named("registry") Clock clock) {
        return new Tags(repository, batches, stores, audit, box, clock);
    }

    @Singleton
    TagBatches tagBatches(TagBatchRepository repository, Stores stores, AuditLog audit, SecretBox box, @Named("registry") Clock clock) {
        return new TagBatches(repository, stores, audit, box, clock);
    }

    /** The tags' SDM keys in clear, for the touchpoint that verifies SUN messages; no REST route uses it. */
    @Singleton
    TagKeys tagKeys(TagRepository tags, TagBatchRepository batches, SecretBox box) {
        return new TagKeys(tags, batches, box);
    }

    @Singleton
    Tokens tokens(TokenRepository repository, StoreRepository stores, AuditLog audit, @Named("registry") Clock clock, NearcastRuntime runtime) {
        return new Tokens(repository, stores, audit, clock, new SecureRandom(), runtime.secrets().adminToken());
    }
}
