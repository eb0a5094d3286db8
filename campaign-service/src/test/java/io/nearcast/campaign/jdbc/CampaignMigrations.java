package io.nearcast.campaign.jdbc;

import io.nearcast.testing.SchemaMigrations;
import javax.sql.DataSource;

/** Migrates the campaign module's tables the way the server does. */
final class CampaignMigrations {

    private CampaignMigrations() {
    }

    static DataSource migrated(DataSource dataSource) {
        return SchemaMigrations.migrated(dataSource, CampaignSchema.MODULE.location(), CampaignSchema.MODULE.historyTable());
    }
}
