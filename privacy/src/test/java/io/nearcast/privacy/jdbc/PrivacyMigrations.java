package io.nearcast.privacy.jdbc;

import io.nearcast.testing.SchemaMigrations;
import javax.sql.DataSource;

/** Migrates the privacy module's tables the way the server does. */
final class PrivacyMigrations {

    private PrivacyMigrations() {
    }

    static DataSource migrated(DataSource dataSource) {
        return SchemaMigrations.migrated(dataSource, PrivacySchema.MODULE.location(), PrivacySchema.MODULE.historyTable());
    }
}
