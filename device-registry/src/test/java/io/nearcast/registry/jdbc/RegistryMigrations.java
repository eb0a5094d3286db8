package io.nearcast.registry.jdbc;

import io.nearcast.testing.SchemaMigrations;
import javax.sql.DataSource;

/** Migrates the registry's tables the way the server's {@code Database} does for every schema module. */
final class RegistryMigrations {

    private RegistryMigrations() {
    }

    /** Runs the pending migrations; returns how many ran. */
    static int apply(DataSource dataSource) {
        return SchemaMigrations.apply(dataSource, RegistrySchema.MODULE.location(), RegistrySchema.MODULE.historyTable());
    }

    static DataSource migrated(DataSource dataSource) {
        return SchemaMigrations.migrated(dataSource, RegistrySchema.MODULE.location(), RegistrySchema.MODULE.historyTable());
    }
}
