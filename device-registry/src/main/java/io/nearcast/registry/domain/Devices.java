package io.nearcast.registry.domain;

import io.nearcast.kernel.domain.Caller;
import io.nearcast.kernel.domain.InvalidField;
import io.nearcast.kernel.domain.NotFound;
import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import io.nearcast.kernel.domain.SecretBox;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * In-store devices of a store (scanners, NFC readers, kiosks): registration with generated
 * credentials, rotation, disabling and removal, each mirrored to the broker's accounts, and
 * where in the store each is placed (a zone of its store). Staff manage the devices of their
 * stores, admins all.
 */
public final class Devices {

    private static final int NAME_MAX = 100;

    private final DeviceRepository repository;
    private final ZoneRepository zones;
    private final Stores stores;
    private final AuditLog audit;
    private final SecretBox box;
    private final BrokerAccounts broker;
    private final Clock clock;
    private final SecureRandom random;
    private final int hashIterations;

    public Devices(DeviceRepository repository, ZoneRepository zones, Stores stores, AuditLog audit, SecretBox box, BrokerAccounts broker,
                   Clock clock, SecureRandom random, int hashIterations) {
        this.repository = repository;
        this.zones = zones;
        this.stores = stores;
        this.audit = audit;
        this.box = box;
        this.broker = broker;
        this.clock = clock;
        this.random = random;
        this.hashIterations = hashIterations;
    }

    /**
     * Registers a device and generates its MQTT password and DTLS PSK; they are in the result and nowhere else.
     *
     * @param zoneId the zone of the store it is placed in; {@code null} or blank for none
     * @throws InvalidField naming {@code kind}, {@code name} or {@code zoneId}
     * @throws io.nearcast.kernel.domain.Unavailable when the broker did not confirm the account (nothing registered)
     */
    public IssuedDevice create(Caller caller, String storeId, String kind, String name, String zoneId) {
        Store store = stores.get(caller, storeId);
        DeviceKind deviceKind = DeviceKind.parse(kind);
        String deviceName = Names.require("name", name, NAME_MAX);
        Optional<String> zone = zoneOf(store.id(), Optional.ofNullable(zoneId));
        String id = UUID.randomUUID().toString();
        DeviceSecrets secrets = DeviceSecrets.generate(random);
        Instant now = clock.instant();
        Device device = new Device(id, store.id(), deviceKind, deviceName, true, hash(secrets), seal(id, secrets), now, now, zone);
        broker.provision(device, secrets.mqttPassword());
        try {
            repository.insert(device);
        } catch (RuntimeException e) {
            removeQuietly(device, e);
            throw e;
        }
        audit.record(new AuditEntry(now, caller.actor(), "create", resource(device), "kind=" + deviceKind.wireName() + ", name=" + deviceName
                + zone.map(z -> ", zone=" + z).orElse("")));
        return new IssuedDevice(device, secrets);
    }

    /** @throws NotFound also for a device of another store or outside the caller's scope */
    public Device get(Caller caller, String storeId, String deviceId) {
        Store store = stores.get(caller, storeId);
        return repository.find(deviceId)
                .filter(device -> device.storeId().equals(store.id()))
                .orElseThrow(() -> new NotFound("device " + Names.printable(deviceId)));
    }

    public Page<Device> list(Caller caller, String storeId, PageRequest request) {
        return repository.list(stores.get(caller, storeId).id(), request);
    }

    /** New password and PSK; the old ones stop working at once and open sessions end. */
    public IssuedDevice rotateCredentials(Caller caller, String storeId, String deviceId) {
        Device current = get(caller, storeId, deviceId);
        DeviceSecrets secrets = DeviceSecrets.generate(random);
        Device rotated = current.withCredentials(hash(secrets), seal(current.id(), secrets), clock.instant());
        broker.changePassword(rotated, secrets.mqttPassword());
        save(rotated);
        broker.endSessions(rotated);
        audit.record(new AuditEntry(clock.instant(), caller.actor(), "update", resource(rotated), "credentials rotated"));
        return new IssuedDevice(rotated, secrets);
    }

    /**
     * Changes the name, the enabled flag and/or the zone the device is placed in; a disabled device
     * is refused by the broker and the DTLS listener, and its open sessions end.
     *
     * @throws InvalidField naming {@code name} or {@code zoneId} (a zone of another store, or none)
     */
    public Device update(Caller caller, String storeId, String deviceId, DeviceChange change) {
        Device current = get(caller, storeId, deviceId);
        Device changed = current;
        if (change.name().isPresent()) {
            changed = changed.withName(Names.require("name", change.name().get(), NAME_MAX));
        }
        if (change.zoneId().isPresent()) {
            changed = changed.withZone(zoneOf(current.storeId(), change.zoneId().get()));
        }
        Optional<Boolean> enabled = change.enabled();
        if (enabled.isPresent() && enabled.get() != current.enabled()) {
            changed = changed.withEnabled(enabled.get());
            broker.setEnabled(changed, enabled.get());
        }
        save(changed);
        if (current.enabled() && !changed.enabled()) {
            broker.endSessions(changed);
        }
        audit.record(new AuditEntry(clock.instant(), caller.actor(), "update", resource(changed), changes(current, changed)));
        return changed;
    }

    /** Decommissions a device: its account is removed and its sessions end. */
    public void delete(Caller caller, String storeId, String deviceId) {
        Device device = get(caller, storeId, deviceId);
        broker.remove(device);
        repository.delete(device.id());
        broker.endSessions(device);
        audit.record(new AuditEntry(clock.instant(), caller.actor(), "delete", resource(device), "kind=" + device.kind().wireName()));
    }

    /** The zone, checked to be one of the store's; empty for none (or a blank id). */
    private Optional<String> zoneOf(StoreId storeId, Optional<String> zoneId) {
        Optional<String> zone = zoneId.filter(id -> !id.isBlank());
        zone.ifPresent(id -> {
            boolean inStore = zones.find(id).filter(z -> z.storeId().equals(storeId)).isPresent();
            if (!inStore) {
                throw new InvalidField("zoneId", "no zone " + Names.printable(id) + " in this store");
            }
        });
        return zone;
    }

    private void save(Device device) {
        if (!repository.update(device)) {
            throw new NotFound("device " + device.id());
        }
    }

    private PasswordHash hash(DeviceSecrets secrets) {
        return PasswordHash.create(secrets.mqttPassword(), hashIterations, random);
    }

    private String seal(String deviceId, DeviceSecrets secrets) {
        return box.seal(secrets.pskBytes(), Device.pskPurpose(deviceId));
    }

    private void removeQuietly(Device device, RuntimeException cause) {
        try {
            broker.remove(device);
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private static String changes(Device before, Device after) {
        List<String> parts = new ArrayList<>();
        if (!before.name().equals(after.name())) {
            parts.add("name=" + after.name());
        }
        if (before.enabled() != after.enabled()) {
            parts.add(after.enabled() ? "enabled" : "disabled");
        }
        if (!before.zoneId().equals(after.zoneId())) {
            parts.add(after.zoneId().map(zone -> "zone=" + zone).orElse("zone removed"));
        }
        return parts.isEmpty() ? "no change" : String.join(", ", parts);
    }

    private static String resource(Device device) {
        return "device/" + device.id();
    }
}
