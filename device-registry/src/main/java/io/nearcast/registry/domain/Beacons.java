package io.nearcast.registry.domain;

import io.nearcast.kernel.domain.Caller;
import io.nearcast.kernel.domain.Conflict;
import io.nearcast.kernel.domain.InvalidField;
import io.nearcast.kernel.domain.InvalidFields;
import io.nearcast.kernel.domain.NotFound;
import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import io.nearcast.kernel.domain.SecretBox;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Beacons of a store: registered one by one or from CSV; an identifier is registered once across all stores. */
public final class Beacons {

    private final BeaconRepository repository;
    private final ZoneRepository zones;
    private final Stores stores;
    private final AuditLog audit;
    private final SecretBox box;
    private final Clock clock;

    public Beacons(BeaconRepository repository, ZoneRepository zones, Stores stores, AuditLog audit, SecretBox box, Clock clock) {
        this.repository = repository;
        this.zones = zones;
        this.stores = stores;
        this.audit = audit;
        this.box = box;
        this.clock = clock;
    }

    /**
     * @throws InvalidField naming the field
     * @throws Conflict when the identifier is already registered
     */
    public Beacon create(Caller caller, String storeId, BeaconFields fields) {
        Store store = stores.get(caller, storeId);
        Beacon beacon = beacon(store, fields);
        store(caller, store, List.of(beacon));
        return beacon;
    }

    /**
     * Registers every CSV line or none; every bad line is reported with its line number.
     *
     * @throws InvalidFields one entry per bad line, fields named {@code line 3: major}
     * @throws Conflict when identifiers are already registered
     */
    public List<Beacon> importCsv(Caller caller, String storeId, String csv) {
        Store store = stores.get(caller, storeId);
        List<BeaconCsv.Line> lines = BeaconCsv.parse(csv);
        List<Beacon> beacons = new ArrayList<>();
        List<InvalidField> problems = new ArrayList<>();
        for (BeaconCsv.Line line : lines) {
            if (line.problem() != null) {
                problems.add(line.problem());
                continue;
            }
            try {
                beacons.add(beacon(store, line.fields()));
            } catch (InvalidField e) {
                problems.add(new InvalidField("line " + line.number() + ": " + e.field(), e.problem()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFields(problems.size() + " of " + lines.size() + " lines are invalid; nothing was imported", problems);
        }
        store(caller, store, beacons);
        return beacons;
    }

    public Beacon get(Caller caller, String storeId, String beaconId) {
        Store store = stores.get(caller, storeId);
        return repository.find(beaconId)
                .filter(beacon -> beacon.storeId().equals(store.id()))
                .orElseThrow(() -> new NotFound("beacon " + beaconId));
    }

    /** @throws NotFound also for another store's beacon */
    public void delete(Caller caller, String storeId, String beaconId) {
        Beacon beacon = get(caller, storeId, beaconId);
        Deletions.require(repository.delete(beacon.id()), "beacon " + beacon.id(), "other records still refer to it");
        audit.record(new AuditEntry(clock.instant(), caller.actor(), "delete", "beacon/" + beacon.id(), "kind=" + beacon.identity().kind()));
    }

    public Page<Beacon> list(Caller caller, String storeId, PageRequest request) {
        return repository.list(stores.get(caller, storeId).id(), request);
    }

    private Beacon beacon(Store store, BeaconFields fields) {
        String id = UUID.randomUUID().toString();
        BeaconIdentity identity = fields.identity(box, id, clock.instant());
        Optional<String> zoneId = Optional.ofNullable(fields.zoneId()).filter(z -> !z.isBlank());
        zoneId.ifPresent(zone -> {
            boolean inStore = zones.find(zone).filter(z -> z.storeId().equals(store.id())).isPresent();
            if (!inStore) {
                throw new InvalidField("zoneId", "no zone " + Names.printable(zone) + " in this store");
            }
        });
        return new Beacon(id, store.id(), identity, fields.checkedTxPower(), zoneId, fields.checkedPosition(), Beacon.Telemetry.none(), clock.instant());
    }

    private void store(Caller caller, Store store, List<Beacon> beacons) {
        List<String> taken = repository.insertAll(beacons);
        if (!taken.isEmpty()) {
            throw new Conflict("already registered: " + String.join(", ", taken.subList(0, Math.min(10, taken.size())))
                    + (taken.size() > 10 ? " and " + (taken.size() - 10) + " more" : "") + "; nothing was registered");
        }
        String summary = beacons.size() == 1 ? "kind=" + beacons.get(0).identity().kind() : "imported " + beacons.size() + " beacons";
        audit.record(new AuditEntry(clock.instant(), caller.actor(), "create",
                beacons.size() == 1 ? "beacon/" + beacons.get(0).id() : "store/" + store.id() + "/beacons", summary));
    }
}
