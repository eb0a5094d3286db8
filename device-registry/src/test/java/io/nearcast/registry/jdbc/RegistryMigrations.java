package io.nearcast.registry.jdbc;

import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Migrates the registry's tables the way the server's {@code Database} does for every schema module. */
final class RegistryMigrations {

    /** Held so the setting is not lost with a collected logger: Flyway's INFO lines (via java.util.logging) drown the test output. */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    static {
        FLYWAY_LOG.setLevel(Level.WARNING);
    }

    private RegistryMigrations() {
    }

    /** Runs the pending migrations; returns how many ran. */
    static int apply(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:" + RegistrySchema.MODULE.location())
                .table(RegistrySchema.MODULE.historyTable())
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate()
                .migrationsExecuted;
    }

    static DataSource migrated(DataSource dataSource) {
        apply(dataSource);
        return dataSource;
    }
}
