package io.nearcast.testing;

import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Migrates a module's tables the way the server's {@code Database} does for every schema module (kernel's {@code SchemaModule}). */
public final class SchemaMigrations {

    /** Held so the setting is not lost with a collected logger: Flyway's INFO lines (via java.util.logging) drown the test output. */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    static {
        FLYWAY_LOG.setLevel(Level.WARNING);
    }

    private SchemaMigrations() {
    }

    /**
     * Runs a module's pending migrations; returns how many ran.
     *
     * @param location     classpath folder of the module's migrations, e.g. {@code db/registry}
     * @param historyTable the module's Flyway history table, e.g. {@code schema_history_registry}
     */
    public static int apply(DataSource dataSource, String location, String historyTable) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:" + location)
                .table(historyTable)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate()
                .migrationsExecuted;
    }

    /** The data source, with the module's migrations applied. */
    public static DataSource migrated(DataSource dataSource, String location, String historyTable) {
        apply(dataSource, location, historyTable);
        return dataSource;
    }
}
