package io.nearcast.privacy.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nearcast.kernel.domain.Caller;
import io.nearcast.kernel.domain.EphemeralId;
import io.nearcast.kernel.domain.Forbidden;
import io.nearcast.kernel.domain.InvalidField;
import io.nearcast.kernel.domain.NotFound;
import io.nearcast.kernel.domain.Role;
import io.nearcast.kernel.domain.MasterKey;
import io.nearcast.kernel.domain.SecretBox;
import io.nearcast.privacy.domain.BrokerAccountRecords;
import io.nearcast.privacy.domain.ConsentLedger;
import io.nearcast.privacy.domain.ShopperAccounts;
import io.nearcast.privacy.domain.EphemeralIds;
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
import java.time.Instant;
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
    private EphemeralIds ephemeralIds;
    private final RecordingAccounts accounts = new RecordingAccounts();

    /** The broker's shopper accounts as the test sees them (the real ones: embedded broker and Mosquitto ITs in app). */
    private static final class RecordingAccounts implements ShopperAccounts {
        final java.util.Set<ShopperId> provisioned = new java.util.HashSet<>();

        @Override
        public void provision(ShopperId shopper, String token) {
            provisioned.add(shopper);
        }

        @Override
        public long remove(ShopperId shopper) {
            return provisioned.remove(shopper) ? 1 : 0;
        }
    }

    @BeforeEach
    void wire() {
        DataSource dataSource = PrivacyMigrations.migrated(database.dataSource());
        JdbcShopperRepository repository = new JdbcShopperRepository(dataSource);
        ConsentLedger ledger = new JdbcConsentLedger(dataSource);
        policy = new ProcessingPolicy(shopper -> ConsentState.of(ledger.history(shopper)));
        personalData = new PersonalData(CLOCK);
        personalData.register(new ShopperRecords(repository));
        personalData.register(new ConsentRecords(ledger));
        personalData.register(new BrokerAccountRecords(accounts));
        SecretBox box = new SecretBox(MasterKey.generate(new SecureRandom()), new SecureRandom());
        ephemeralIds = new EphemeralIds(repository, box, policy);
        shoppers = new Shoppers(repository, ledger, policy, personalData, box, ephemeralIds, accounts, CLOCK, new SecureRandom());
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
        assertThat(accounts.provisioned).contains(issued.shopper().id());
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
    void aBroadcastIdentifierResolvesToTheShopperOnlyWhileLocationConsentHolds() {
        Shoppers.IssuedShopper issued = shoppers.register();
        String id = issued.shopper().id().value();
        Instant seen = Instant.parse("2026-11-23T12:00:00Z");
        byte[] now = EphemeralId.compute(issued.eidIdentityKey(), issued.eidExponent(), seen.getEpochSecond());
        byte[] previousPeriod = EphemeralId.compute(issued.eidIdentityKey(), issued.eidExponent(), seen.getEpochSecond() - 1024);
        byte[] twoPeriodsAgo = EphemeralId.compute(issued.eidIdentityKey(), issued.eidExponent(), seen.getEpochSecond() - 2048);

        assertThat(ephemeralIds.resolve(now, seen)).as("no location consent yet").isEmpty();

        shoppers.changeConsent(Caller.shopper(id), id, purposes("location", true), null, null);
        assertThat(ephemeralIds.resolve(now, seen)).contains(issued.shopper().id());
        assertThat(ephemeralIds.resolve(previousPeriod, seen)).as("clock skew of one period").contains(issued.shopper().id());
        assertThat(ephemeralIds.resolve(twoPeriodsAgo, seen)).isEmpty();
        assertThat(ephemeralIds.resolve(new byte[8], seen)).isEmpty();

        shoppers.changeConsent(Caller.shopper(id), id, purposes("location", false), null, null);
        assertThat(ephemeralIds.resolve(now, seen)).as("withdrawn: anonymous again at once").isEmpty();

        shoppers.changeConsent(Caller.shopper(id), id, purposes("location", true), null, null);
        assertThat(ephemeralIds.resolve(now, seen)).isPresent();
        assertThat(ephemeralIds.indexes(issued.shopper().id())).isTrue();
        assertThat(policy.remembers(issued.shopper().id())).isTrue();

        shoppers.erase(Caller.shopper(id), id);

        assertThat(ephemeralIds.resolve(now, seen)).as("erased").isEmpty();
        assertThat(ephemeralIds.indexes(issued.shopper().id())).as("the in-memory index forgot the shopper").isFalse();
        assertThat(policy.remembers(issued.shopper().id())).as("the policy's cache forgot the shopper").isFalse();
    }

    @Test
    void theIdentityKeyIsStoredOnlySealed() {
        Shoppers.IssuedShopper issued = shoppers.register();

        String sealed = issued.shopper().sealedEidKey().orElseThrow();
        assertThat(sealed).startsWith("v1:").doesNotContain(java.util.HexFormat.of().formatHex(issued.eidIdentityKey()));
        assertThat(issued.toString()).doesNotContain(java.util.HexFormat.of().formatHex(issued.eidIdentityKey()));
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

        assertThat(receipt.removed()).containsExactly(Map.entry("mqtt-account", 1L), Map.entry("consent-ledger", 2L), Map.entry("shopper", 1L));
        assertThat(accounts.provisioned).doesNotContain(issued.shopper().id());
        assertThat(receipt.toString()).doesNotContain(id);
        assertThat(shoppers.authenticate(issued.token())).isEmpty();
        assertThatThrownBy(() -> shoppers.export(Caller.bootstrapAdmin(), id)).isInstanceOf(NotFound.class);
        assertThat(policy.mayProcess(new ShopperId(id), Purpose.LOCATION)).as("no stale grant after erasure").isFalse();
    }
}
