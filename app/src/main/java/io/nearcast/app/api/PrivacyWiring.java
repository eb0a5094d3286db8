package io.nearcast.app.api;

import io.micronaut.context.annotation.Factory;
import io.nearcast.app.campaign.CampaignService;
import io.nearcast.app.geofence.GeofenceService;
import io.nearcast.app.runtime.NearcastRuntime;
import io.nearcast.kernel.persistence.SchemaModule;
import io.nearcast.privacy.domain.ConsentLedger;
import io.nearcast.kernel.domain.SecretBox;
import io.nearcast.privacy.domain.BrokerAccountRecords;
import io.nearcast.privacy.domain.ConsentRecords;
import io.nearcast.privacy.domain.ShopperTokens;
import io.nearcast.privacy.domain.EphemeralIds;
import io.nearcast.privacy.domain.ConsentState;
import io.nearcast.privacy.domain.PersonalData;
import io.nearcast.privacy.domain.ProcessingPolicy;
import io.nearcast.privacy.domain.ShopperRecords;
import io.nearcast.privacy.domain.ShopperRepository;
import io.nearcast.privacy.domain.Shoppers;
import io.nearcast.privacy.jdbc.JdbcConsentLedger;
import io.nearcast.privacy.jdbc.JdbcShopperRepository;
import io.nearcast.privacy.jdbc.PrivacySchema;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * Wires the privacy module: shoppers and the consent ledger on the server's database, the one
 * processing policy, and the personal-data holders. Every later component that stores personal
 * data registers its holder with {@link PersonalData} (docs/privacy.md).
 */
@Factory
class PrivacyWiring {

    @Singleton
    @Named("privacy")
    SchemaModule privacySchema() {
        return PrivacySchema.MODULE;
    }

    @Singleton
    ShopperRepository shopperRepository(NearcastRuntime runtime) {
        return new JdbcShopperRepository(runtime.database().dataSource());
    }

    @Singleton
    ConsentLedger consentLedger(NearcastRuntime runtime) {
        return new JdbcConsentLedger(runtime.database().dataSource());
    }

    @Singleton
    ProcessingPolicy processingPolicy(ConsentLedger ledger) {
        return new ProcessingPolicy(shopper -> ConsentState.of(ledger.history(shopper)));
    }

    /**
     * The shopper record first: erasure runs in reverse, so it goes last (and the campaign
     * service's records first, then zone presence, so no further zone event or offer is made for
     * the shopper while the rest goes).
     */
    @Singleton
    PersonalData personalData(ShopperRepository shoppers, ConsentLedger ledger, @Named("registry") Clock clock, NearcastRuntime runtime,
                              GeofenceService geofence, CampaignService campaigns) {
        PersonalData personalData = new PersonalData(clock);
        personalData.register(new ShopperRecords(shoppers));
        personalData.register(new ConsentRecords(ledger));
        personalData.register(new BrokerAccountRecords(runtime.shopperAccounts()));
        personalData.register(geofence.personalData());
        personalData.register(campaigns.personalData());
        return personalData;
    }

    /** Resolves the rotating identifiers shopper apps broadcast; the gateway (issue 5) asks it. */
    @Singleton
    EphemeralIds ephemeralIds(ShopperRepository repository, SecretBox box, ProcessingPolicy policy) {
        return new EphemeralIds(repository, box, policy);
    }

    /** Used by the runtime for the broker's shopper authentication (after the database started). */
    @Singleton
    ShopperTokens shopperTokens(ShopperRepository repository) {
        return new ShopperTokens(repository);
    }

    @Singleton
    Shoppers shoppers(ShopperRepository repository, ConsentLedger ledger, ProcessingPolicy policy, PersonalData personalData,
                      SecretBox box, EphemeralIds ephemeralIds, @Named("registry") Clock clock, NearcastRuntime runtime) {
        return new Shoppers(repository, ledger, policy, personalData, box, ephemeralIds, runtime.shopperAccounts(), clock, new SecureRandom());
    }
}
