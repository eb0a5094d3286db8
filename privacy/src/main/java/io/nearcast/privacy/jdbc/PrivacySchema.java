package io.nearcast.privacy.jdbc;

import io.nearcast.kernel.persistence.SchemaModule;

/** The privacy module's tables: migrations under {@code db/privacy}, history in {@code schema_history_privacy}. */
public final class PrivacySchema {

    public static final SchemaModule MODULE = new SchemaModule("privacy", "db/privacy");

    private PrivacySchema() {
    }
}
