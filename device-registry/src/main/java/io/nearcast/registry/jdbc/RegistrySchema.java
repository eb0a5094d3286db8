package io.nearcast.registry.jdbc;

import io.nearcast.kernel.persistence.SchemaModule;

/** The registry's tables: migrations under {@code db/registry}, history in {@code schema_history_registry}. */
public final class RegistrySchema {

    public static final SchemaModule MODULE = new SchemaModule("registry", "db/registry");

    private RegistrySchema() {
    }
}
