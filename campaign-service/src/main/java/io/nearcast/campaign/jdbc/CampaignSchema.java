package io.nearcast.campaign.jdbc;

import io.nearcast.kernel.persistence.SchemaModule;

/** The campaign service's tables: migrations under {@code db/campaign}, history in {@code schema_history_campaign}. */
public final class CampaignSchema {

    public static final SchemaModule MODULE = new SchemaModule("campaign", "db/campaign");

    private CampaignSchema() {
    }
}
