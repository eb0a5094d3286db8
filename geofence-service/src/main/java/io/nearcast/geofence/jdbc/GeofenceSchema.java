package io.nearcast.geofence.jdbc;

import io.nearcast.kernel.persistence.SchemaModule;

/** The geofence service's tables: migrations under {@code db/geofence}, history in {@code schema_history_geofence}. */
public final class GeofenceSchema {

    public static final SchemaModule MODULE = new SchemaModule("geofence", "db/geofence");

    private GeofenceSchema() {
    }
}
