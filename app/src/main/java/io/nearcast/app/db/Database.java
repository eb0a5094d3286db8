package io.nearcast.app.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.nearcast.app.config.ConfigurationError;
import io.nearcast.app.config.DatabaseSettings;
import io.nearcast.app.config.Setting;
import io.nearcast.kernel.domain.Health;
import io.nearcast.kernel.domain.HealthProbe;
import io.nearcast.kernel.persistence.SchemaModule;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection pool and the schema. {@link #start()} connects (failing fast with a one-line
 * reason) and migrates every module's schema; {@link #close()} closes all connections, which
 * also closes an embedded H2 file cleanly.
 */
public final class Database implements HealthProbe, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(1);

    private final DatabaseSettings settings;
    private final List<SchemaModule> modules;
    private final Duration connectTimeout;
    private volatile HikariDataSource pool;

    public Database(DatabaseSettings settings, List<SchemaModule> modules, Duration connectTimeout) {
        this.settings = settings;
        this.modules = List.copyOf(modules);
        this.connectTimeout = connectTimeout;
    }

    /**
     * Connects and migrates.
     *
     * @throws ConfigurationError naming {@code NEARCAST_DB_URL} when the database cannot be reached or migrated
     */
    public void start() {
        pool = connect();
        try {
            for (SchemaModule module : modules) {
                migrate(module);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        LOG.info("Database ready: {} ({} schema modules)", settings.redactedUrl(), modules.size());
    }

    /** The pool; only valid between {@link #start()} and {@link #close()}. */
    public DataSource dataSource() {
        if (pool == null) {
            throw new IllegalStateException("database not started");
        }
        return pool;
    }

    public DatabaseSettings.Vendor vendor() {
        return settings.vendor();
    }

    @Override
    public String component() {
        return "database";
    }

    @Override
    public Health check() {
        HikariDataSource current = pool;
        if (current == null || current.isClosed()) {
            return Health.down("not started");
        }
        // the pool may wait its whole connect timeout for a connection; health answers within about a second
        CompletableFuture<Health> probe = CompletableFuture.supplyAsync(() -> probe(current));
        try {
            return probe.get(HEALTH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Health.down("no connection within " + HEALTH_TIMEOUT.toMillis() + " ms");
        } catch (ExecutionException e) {
            return Health.down(firstLine(e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down("interrupted");
        }
    }

    private Health probe(HikariDataSource current) {
        try (Connection connection = current.getConnection()) {
            return connection.isValid(1) ? Health.up(settings.vendor().name()) : Health.down("connection not valid");
        } catch (SQLException e) {
            return Health.down(firstLine(e.getMessage()));
        }
    }

    @Override
    public void close() {
        HikariDataSource current = pool;
        if (current != null && !current.isClosed()) {
            current.close();
            LOG.info("Database closed");
        }
    }

    private HikariDataSource connect() {
        HikariConfig config = new HikariConfig();
        config.setPoolName("nearcast-db");
        config.setJdbcUrl(settings.url());
        settings.user().ifPresent(config::setUsername);
        settings.password().ifPresent(config::setPassword);
        config.setMaximumPoolSize(10);
        config.setConnectionTimeout(connectTimeout.toMillis());
        config.setInitializationFailTimeout(connectTimeout.toMillis());
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new ConfigurationError(Setting.DB_URL, "cannot connect to " + settings.redactedUrl() + ": " + reason(e), e);
        }
    }

    private void migrate(SchemaModule module) {
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:" + module.location())
                    .table(module.historyTable())
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new ConfigurationError(Setting.DB_URL, "migrating schema module '" + module.name() + "' failed: " + reason(e), e);
        }
    }

    private static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                if (sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                    return "the database file is in use by another process (is another Nearcast running on this data dir?)";
                }
                return firstLine(sql.getMessage());
            }
        }
        return firstLine(failure.getMessage());
    }

    static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}
