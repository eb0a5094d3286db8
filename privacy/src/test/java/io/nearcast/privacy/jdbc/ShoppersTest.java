package io.nearcast.privacy.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nearcast.kernel.domain.Caller;
import io.nearcast.kernel.domain.Forbidden;
import io.nearcast.kernel.domain.InvalidField;
import io.nearcast.kernel.domain.NotFound;
import io.nearcast.kernel.domain.Role;
import io.nearcast.privacy.domain.ConsentLedger;
import io.nearcast.privacy.domain.ConsentRecords;
import io.nearcast.privacy.domain.ConsentState;
import io.nearcast.privacy.domain.PersonalData;
import io.nearcast.privacy.domain.ProcessingPolicy;
import io.nearcast.privacy.domain.Purpose;
import io.nearcast.privacy.domain.ShopperId;
import io.nearcast.privacy.domain.ShopperRecords;
import io.nearcast.privacy.domain.Shoppers;
import io.nearcast.testing.H2MemoryDatabase;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Shoppers on H2: registration, consent through the ledger and the policy, export and erasure across the holders. */
class ShoppersTest {

    private static final Clock CLOCK = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

    private final H2MemoryDatabase database = new H2MemoryDatabase();
    private Shoppers shoppers;
    private ProcessingPolicy policy;
    private PersonalData personalData;

    @BeforeEach
    void wire() {
        DataSource dataSource = PrivacyMigrations.migrated(database.dataSource());
        JdbcShopperRepository repository = new JdbcShopperRepository(dataSource);
        ConsentLedger ledger = new JdbcConsentLedger(dataSource);
        policy = new ProcessingPolicy(shopper -> ConsentState.of(ledger.history(shopper)));
        personalData = new PersonalData(CLOCK);
        personalData.register(new ShopperRecords(repository));
        personalData.register(new ConsentRecords(ledger));
        shoppers = new Shoppers(repository, ledger, policy, personalData, CLOCK, new SecureRandom());
    }

    @AfterEach
    void closeDatabase() throws Exception {
        database.close();
    }

    private static Map<String, Boolean> purposes(Object... nameAndValue) {
        Map<String, Boolean> map = new LinkedHashMap<>();
        for (int i = 0; i < nameAndValue.length; i += 2) {
            map.put((String) nameAndValue[i], (Boolean) nameAndValue[i + 1]);
        }
        return map;
    }

    @Test
    void aNewShopperHasATokenThatAuthenticatesItAndAllowsNothing() {
        Shoppers.IssuedShopper issued = shoppers.register();
        String id = issued.shopper().id().value();

        assertThat(issued.token()).startsWith("ncp_").hasSize(47);
        assertThat(shoppers.authenticate(issued.token())).contains(Caller.shopper(id));
        assertThat(shoppers.authenticate("ncp_" + "x".repeat(43))).isEmpty();
        assertThat(shoppers.authenticate("ncs_" + issued.token().substring(4))).isEmpty();
        for (Purpose purpose : Purpose.values()) {
            assertThat(policy.mayProcess(issued.shopper().id(), purpose)).isFalse();
        }
    }

    @Test
    void grantRevokeAndRegrantAreAllInTheHistoryAndTheLatestWins() {
        Shoppers.IssuedShopper issued = shoppers.register();
        String id = issued.shopper().id().value();
        Caller self = Caller.shopper(id);

        shoppers.changeConsent(self, id, purposes("location", true, "analytics", true), "app", "2026-11");
        ConsentState revoked = shoppers.changeConsent(self, id, purposes("location", false), "app", "2026-11");
        assertThat(revoked.allows(Purpose.LOCATION)).isFalse();
        assertThat(policy.mayProcess(issued.shopper().id(), Purpose.LOCATION)).isFalse();
        ConsentState regranted = shoppers.changeConsent(self, id, purposes("location", true), "kiosk", "2026-12");

        assertThat(regranted.allows(Purpose.LOCATION)).isTrue();
        assertThat(regranted.allows(Purpose.ANALYTICS)).isTrue();
        assertThat(regranted.allows(Purpose.PERSONALISATION)).isFalse();
        Shoppers.ConsentView view = shoppers.consent(self, id);
        assertThat(view.history()).extracting(e -> e.purpose().wireName() + "=" + e.granted() + "@" + e.source() + "/" + e.noticeVersion())
                .containsExactly("location=true@app/2026-11", "analytics=true@app/2026-11", "location=false@app/2026-11", "location=true@kiosk/2026-12");
        assertThat(view.current()).isEqualTo(regranted);
    }

    @Test
    void consentIsTheShoppersAloneAndOthersDoNotEvenSeeTheShopper() {
        String id = shoppers.register().shopper().id().value();
        String otherId = shoppers.register().shopper().id().value();
        Caller staff = new Caller("token:t1", Role.STAFF, Set.of("any-store"));

        assertThatThrownBy(() -> shoppers.changeConsent(Caller.bootstrapAdmin(), id, purposes("location", true), null, null))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> shoppers.consent(Caller.shopper(otherId), id)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> shoppers.export(staff, id)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> shoppers.erase(Caller.shopper(otherId), id)).isInstanceOf(NotFound.class);
        assertThat(shoppers.export(Caller.bootstrapAdmin(), id).data()).containsKeys("shopper", "consent-ledger");
    }

    @Test
    void namesTheFieldOfABadConsentChange() {
        String id = shoppers.register().shopper().id().value();
        Caller self = Caller.shopper(id);

        assertThatThrownBy(() -> shoppers.changeConsent(self, id, Map.of(), null, null))
                .isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.field()).isEqualTo("purposes"));
        assertThatThrownBy(() -> shoppers.changeConsent(self, id, purposes("marketing", true), null, null))
                .isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.field()).isEqualTo("purposes.marketing"));
        assertThatThrownBy(() -> shoppers.changeConsent(self, id, purposes("location", null), null, null))
                .isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.field()).isEqualTo("purposes.location"));
        assertThatThrownBy(() -> shoppers.changeConsent(self, id, purposes("location", true), "app store", null))
                .isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.field()).isEqualTo("source"));
        assertThat(shoppers.consent(self, id).history()).as("nothing recorded").isEmpty();
    }

    @Test
    void exportHoldsEveryDatumAndErasureRemovesItAll() {
        Shoppers.IssuedShopper issued = shoppers.register();
        String id = issued.shopper().id().value();
        Caller self = Caller.shopper(id);
        shoppers.changeConsent(self, id, purposes("location", true, "personalisation", true), "app", "v3");
        assertThat(policy.mayProcess(issued.shopper().id(), Purpose.LOCATION)).isTrue();

        PersonalData.ShopperExport export = shoppers.export(self, id);
        assertThat(export.data().get("shopper")).singleElement().satisfies(record -> assertThat(record).containsEntry("id", id));
        assertThat(export.data().get("consent-ledger")).hasSize(2);

        PersonalData.ErasureReceipt receipt = shoppers.erase(self, id);

        assertThat(receipt.removed()).containsExactly(Map.entry("consent-ledger", 2L), Map.entry("shopper", 1L));
        assertThat(receipt.toString()).doesNotContain(id);
        assertThat(shoppers.authenticate(issued.token())).isEmpty();
        assertThatThrownBy(() -> shoppers.export(Caller.bootstrapAdmin(), id)).isInstanceOf(NotFound.class);
        assertThat(policy.mayProcess(new ShopperId(id), Purpose.LOCATION)).as("no stale grant after erasure").isFalse();
    }
}
