package io.nearcast.geofence.jdbc;

import io.nearcast.testing.SchemaMigrations;
import javax.sql.DataSource;

/** Migrates the geofence module's tables the way the server does. */
final class GeofenceMigrations {

    private GeofenceMigrations() {
    }

    static DataSource migrated(DataSource dataSource) {
        return SchemaMigrations.migrated(dataSource, GeofenceSchema.MODULE.location(), GeofenceSchema.MODULE.historyTable());
    }
}
