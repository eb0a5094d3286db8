package io.nearcast.app.geofence;

import io.micronaut.context.annotation.Factory;
import io.nearcast.app.config.Settings;
import io.nearcast.app.runtime.NearcastRuntime;
import io.nearcast.geofence.jdbc.GeofenceSchema;
import io.nearcast.kernel.persistence.SchemaModule;
import io.nearcast.privacy.domain.EphemeralIds;
import io.nearcast.privacy.domain.ProcessingPolicy;
import io.nearcast.registry.domain.DeviceRepository;
import io.nearcast.registry.domain.ZoneChanges;
import io.nearcast.registry.domain.ZoneRepository;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** Wires the geofence service: its tables, and the service on the registry, the processing policy and the server's database. */
@Factory
class GeofenceWiring {

    @Singleton
    @Named("geofence")
    SchemaModule geofenceSchema() {
        return GeofenceSchema.MODULE;
    }

    /** Created when the runtime starts it (after the database); the runtime also stops it. */
    @Singleton
    GeofenceService geofenceService(Settings settings, ZoneRepository zones, ZoneChanges changes, DeviceRepository devices, ProcessingPolicy policy,
                                    EphemeralIds ephemeralIds, NearcastRuntime runtime) {
        return new GeofenceService(settings.presence(), settings.maxShoppers(), zones, changes, devices, policy, ephemeralIds,
                runtime.database().dataSource());
    }
}
