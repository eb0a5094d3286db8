package io.nearcast.app.campaign;

import io.micronaut.context.annotation.Factory;
import io.nearcast.app.config.Settings;
import io.nearcast.app.runtime.NearcastRuntime;
import io.nearcast.campaign.jdbc.CampaignSchema;
import io.nearcast.kernel.persistence.SchemaModule;
import io.nearcast.privacy.domain.ProcessingPolicy;
import io.nearcast.registry.domain.StoreRepository;
import io.nearcast.registry.domain.ZoneRepository;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** Wires the campaign service: its tables, and the service on the registry, the processing policy and the server's database. */
@Factory
class CampaignWiring {

    @Singleton
    @Named("campaign")
    SchemaModule campaignSchema() {
        return CampaignSchema.MODULE;
    }

    /** Created when the runtime starts it (after the database); the runtime also stops it. */
    @Singleton
    CampaignService campaignService(Settings settings, StoreRepository stores, ZoneRepository zones, ProcessingPolicy policy, NearcastRuntime runtime) {
        return new CampaignService(settings.respect(), settings.exploration(), new RegistryStores(stores, zones), policy,
                runtime.database().dataSource());
    }
}
