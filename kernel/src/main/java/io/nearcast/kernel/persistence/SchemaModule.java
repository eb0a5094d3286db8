package io.nearcast.kernel.persistence;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One module's share of the database: its Flyway migrations and its own history table, so
 * modules evolve their tables independently.
 *
 * <p>Migrations are plain SQL that runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.
 *
 * @param name     short module name, lower case; the history table is {@code schema_history_<name>}
 * @param location classpath folder of the migrations, e.g. {@code db/core}
 */
public record SchemaModule(String name, String location) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,30}");

    public SchemaModule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("schema module name must match " + NAME + ": " + name);
        }
    }

    public String historyTable() {
        return "schema_history_" + name;
    }
}
