package io.nearcast.privacy.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nearcast.kernel.persistence.RepositoryException;
import io.nearcast.privacy.domain.ConsentEntry;
import io.nearcast.privacy.domain.ConsentLedger;
import io.nearcast.privacy.domain.Purpose;
import io.nearcast.privacy.domain.Shopper;
import io.nearcast.privacy.domain.ShopperId;
import io.nearcast.privacy.domain.ShopperRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the shopper repository and the consent ledger must do on a database; run against H2 and PostgreSQL. */
@Timeout(60)
abstract class PrivacyRepositoriesContract {

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");

    private ShopperRepository shoppers;
    private ConsentLedger ledger;

    abstract DataSource freshDataSource() throws Exception;

    @BeforeEach
    void createRepositories() throws Exception {
        DataSource dataSource = freshDataSource();
        shoppers = new JdbcShopperRepository(dataSource);
        ledger = new JdbcConsentLedger(dataSource);
    }

    private Shopper shopper() {
        Shopper shopper = new Shopper(ShopperId.random(), UUID.randomUUID().toString().replace("-", "") + "00000000000000000000000000000000",
                Optional.of("v1:sealed-" + UUID.randomUUID()), T0);
        shoppers.insert(shopper);
        return shopper;
    }

    @Test
    void findsAShopperByIdAndByTokenHashOnly() {
        Shopper shopper = shopper();

        assertThat(shoppers.find(shopper.id())).contains(shopper);
        assertThat(shoppers.findByTokenHash(shopper.tokenHash())).contains(shopper);
        assertThat(shoppers.findByTokenHash("0".repeat(64))).isEmpty();
        assertThat(shoppers.find(ShopperId.random())).isEmpty();
    }

    @Test
    void listsTheShoppersWithIdentityKeysOnly() {
        Shopper withKey = shopper();
        Shopper withoutKey = new Shopper(ShopperId.random(), "f".repeat(64), Optional.empty(), T0);
        shoppers.insert(withoutKey);

        assertThat(shoppers.withEidKeys()).contains(withKey).doesNotContain(withoutKey);
        assertThat(shoppers.find(withoutKey.id())).contains(withoutKey);
    }

    @Test
    void keepsTheLedgerInAppendOrderPerShopper() {
        Shopper shopper = shopper();
        Shopper other = shopper();
        List<ConsentEntry> first = List.of(
                new ConsentEntry(shopper.id(), Purpose.LOCATION, true, T0, "app", "2026-01"),
                new ConsentEntry(shopper.id(), Purpose.ANALYTICS, false, T0, "app", "2026-01"));
        ConsentEntry revoke = new ConsentEntry(shopper.id(), Purpose.LOCATION, false, T0.plusSeconds(60), "kiosk", "2026-02");

        ledger.append(first);
        ledger.append(List.of(new ConsentEntry(other.id(), Purpose.PERSONALISATION, true, T0, "app", "2026-01")));
        ledger.append(List.of(revoke));

        assertThat(ledger.history(shopper.id())).containsExactly(first.get(0), first.get(1), revoke);
        assertThat(ledger.history(other.id())).hasSize(1);
    }

    @Test
    void appendsAllEntriesOrNone() {
        Shopper shopper = shopper();
        List<ConsentEntry> mixed = List.of(
                new ConsentEntry(shopper.id(), Purpose.LOCATION, true, T0, "app", "v1"),
                new ConsentEntry(ShopperId.random(), Purpose.LOCATION, true, T0, "app", "v1"));

        assertThatThrownBy(() -> ledger.append(mixed)).isInstanceOf(RepositoryException.class);

        assertThat(ledger.history(shopper.id())).isEmpty();
    }

    @Test
    void erasesAShopperAndAllOfItsEntriesAndNothingElse() {
        Shopper shopper = shopper();
        Shopper other = shopper();
        ledger.append(List.of(new ConsentEntry(shopper.id(), Purpose.LOCATION, true, T0, "app", "v1"),
                new ConsentEntry(shopper.id(), Purpose.LOCATION, false, T0, "app", "v1")));
        ledger.append(List.of(new ConsentEntry(other.id(), Purpose.LOCATION, true, T0, "app", "v1")));

        assertThatThrownBy(() -> shoppers.delete(shopper.id())).as("entries still refer to the shopper").isInstanceOf(RepositoryException.class);
        assertThat(ledger.eraseAll(shopper.id())).isEqualTo(2);
        assertThat(shoppers.delete(shopper.id())).isEqualTo(1);
        assertThat(shoppers.delete(shopper.id())).isZero();

        assertThat(ledger.history(shopper.id())).isEmpty();
        assertThat(shoppers.find(shopper.id())).isEmpty();
        assertThat(ledger.history(other.id())).hasSize(1);
    }

    @Test
    void thePortOffersNoWayToChangeOrRemoveASingleEntry() {
        assertThat(ConsentLedger.class.getMethods()).extracting(java.lang.reflect.Method::getName)
                .containsExactlyInAnyOrder("append", "history", "eraseAll");
    }
}
