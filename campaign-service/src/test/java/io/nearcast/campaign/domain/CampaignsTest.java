package io.nearcast.campaign.domain;

import io.nearcast.testing.MovableClock;
import static io.nearcast.campaign.domain.CampaignDefinitionTest.contractExample;
import static io.nearcast.campaign.domain.CampaignDefinitionTest.list;
import static io.nearcast.campaign.domain.CampaignDefinitionTest.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.nearcast.kernel.domain.Caller;
import io.nearcast.kernel.domain.Conflict;
import io.nearcast.kernel.domain.Forbidden;
import io.nearcast.kernel.domain.InvalidField;
import io.nearcast.kernel.domain.NotFound;
import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import io.nearcast.kernel.domain.Role;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Creating, changing and reading campaigns, each caller within its scope. */
class CampaignsTest {

    private static final String STORE_A = "store-a";
    private static final String STORE_B = "store-b";
    private static final Caller STAFF_A = new Caller("token:a", Role.STAFF, Set.of(STORE_A));
    private static final Caller STAFF_B = new Caller("token:b", Role.STAFF, Set.of(STORE_B));
    private static final Caller ADMIN = Caller.bootstrapAdmin();
    private static final Instant NOW = Instant.parse("2026-06-10T08:00:00Z");

    private final RacingRepository repository = new RacingRepository();
    private final CampaignCatalog catalog = new CampaignCatalog();
    private final InMemoryCampaignStats stats = new InMemoryCampaignStats();
    private final Tallies tallies = new Tallies(stats);
    private final AtomicLong ids = new AtomicLong();
    private final MovableClock clock = new MovableClock(NOW);
    private final Campaigns campaigns = new Campaigns(repository, new Stores(), catalog, tallies, RespectRules.standard(),
            () -> "cmp-" + ids.incrementAndGet(), clock);

    /** A body for store A, or B. */
    private static Map<String, Object> body(String store, String zone) {
        return map("name", "Tasting", "storeId", store, "zoneIds", list(zone), "trigger", map("type", "enter"),
                "variants", list(map("title", map("en", "Taste"), "body", map("en", "Now"))));
    }

    @Test
    void staffCreateCampaignsForTheirStoreAndTheNextDecisionSeesThem() {
        Campaign created = campaigns.create(STAFF_A, body(STORE_A, "zone-wine"));

        assertThat(created.id()).isEqualTo("cmp-1");
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.createdAt()).isEqualTo(NOW);
        assertThat(created.offerValidity()).isEqualTo(RespectRules.standard().offerValidity());
        assertThat(repository.find("cmp-1")).contains(created);
        assertThat(catalog.store(STORE_A).orElseThrow().reachedBy(TriggerType.ENTER, Optional.of("zone-wine"))).extracting(CampaignCatalog.Reached::campaign).containsExactly(created);
        assertThat(tallies.find("cmp-1")).isPresent();
    }

    @Test
    void theContractExampleIsAccepted() {
        Map<String, Object> example = contractExample();
        example.put("storeId", STORE_A);
        example.put("zoneIds", list("zone-wine"));

        Campaign created = campaigns.create(STAFF_A, example);

        assertThat(created.name()).isEqualTo("Riesling tasting");
        Caps effective = created.caps().orElse(RespectRules.standard().defaults());
        assertThat(effective.cooldownAfterDismiss()).contains(Duration.ofMinutes(120));
        assertThat(effective.cooldownAfterDismiss().orElseThrow()).isGreaterThanOrEqualTo(effective.cooldownAfterRedemption().orElseThrow());
    }

    @Test
    void aRedemptionCooldownAboveTheDefaultDismissalOneLengthensThatToo() {
        Map<String, Object> body = body(STORE_A, "zone-wine");
        body.put("caps", map("cooldownAfterRedemptionMinutes", 5 * 24 * 60));

        Campaign created = campaigns.create(STAFF_A, body);

        Caps effective = created.caps().orElse(RespectRules.standard().defaults());
        assertThat(effective.cooldownAfterRedemption()).contains(Duration.ofDays(5));
        assertThat(effective.cooldownAfterDismiss()).contains(Duration.ofDays(5));
    }

    @Test
    void staffCannotCreateACampaignForAnotherStore() {
        assertThatThrownBy(() -> campaigns.create(STAFF_A, body(STORE_B, "zone-b"))).isInstanceOf(Forbidden.class)
                .hasMessageContaining("own stores");

        assertThat(repository.all()).isEmpty();
        assertThat(catalog.size()).isZero();
    }

    @Test
    void aShopperCannotManageCampaigns() {
        assertThatThrownBy(() -> campaigns.create(Caller.shopper("s"), body(STORE_A, "zone-wine"))).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> campaigns.list(Caller.shopper("s"), Optional.empty(), PageRequest.first())).isInstanceOf(Forbidden.class);
        Campaign created = campaigns.create(STAFF_A, body(STORE_A, "zone-wine"));
        assertThatThrownBy(() -> campaigns.get(Caller.shopper("s"), created.id())).isInstanceOf(NotFound.class);
    }

    @Test
    void staffCannotReadAnotherStoresCampaign() {
        Campaign ofB = campaigns.create(STAFF_B, body(STORE_B, "zone-b"));

        assertThatThrownBy(() -> campaigns.get(STAFF_A, ofB.id())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> campaigns.replace(STAFF_A, ofB.id(), body(STORE_B, "zone-b"))).isInstanceOf(NotFound.class);
        assertThat(campaigns.get(STAFF_B, ofB.id())).isEqualTo(ofB);
        assertThat(campaigns.get(ADMIN, ofB.id())).isEqualTo(ofB);
        assertThatThrownBy(() -> campaigns.get(ADMIN, "cmp-none")).isInstanceOf(NotFound.class);
    }

    @Test
    void staffListOnlyTheirStoresCampaigns() {
        Campaign ofA = campaigns.create(STAFF_A, body(STORE_A, "zone-wine"));
        clock.advance(Duration.ofMinutes(1));
        Campaign ofB = campaigns.create(STAFF_B, body(STORE_B, "zone-b"));
        clock.advance(Duration.ofMinutes(1));
        Campaign secondOfA = campaigns.create(STAFF_A, body(STORE_A, "zone-cheese"));

        assertThat(campaigns.list(STAFF_A, Optional.empty(), PageRequest.first()).items()).containsExactly(ofA, secondOfA);
        assertThat(campaigns.list(STAFF_A, Optional.of(STORE_A), PageRequest.first()).items()).containsExactly(ofA, secondOfA);
        assertThatThrownBy(() -> campaigns.list(STAFF_A, Optional.of(STORE_B), PageRequest.first())).isInstanceOf(NotFound.class);
        Page<Campaign> all = campaigns.list(ADMIN, Optional.empty(), new PageRequest(0, 2));
        assertThat(all.items()).containsExactly(ofA, ofB);
        assertThat(all.total()).isEqualTo(3);
    }

    @Test
    void refusesZonesAndStoresTheRegistryDoesNotKnow() {
        Map<String, Object> body = body(STORE_A, "zone-wine");
        body.put("zoneIds", list("zone-wine", "zone-b"));
        assertThat(catchThrowableOfType(() -> campaigns.create(STAFF_A, body), InvalidField.class).field()).isEqualTo("zoneIds[1]");
        assertThat(catchThrowableOfType(() -> campaigns.create(ADMIN, body("store-nowhere", "zone-x")), InvalidField.class).field())
                .isEqualTo("storeId");
        assertThat(repository.all()).isEmpty();
    }

    @Test
    void aChangeRaisesTheVersionKeepsTheIdentityAndReachesTheCatalog() {
        Campaign created = campaigns.create(STAFF_A, body(STORE_A, "zone-wine"));
        clock.advance(Duration.ofHours(1));
        Map<String, Object> changed = body(STORE_A, "zone-cheese");
        changed.put("priority", 7);

        Campaign replaced = campaigns.replace(STAFF_A, created.id(), changed);

        assertThat(replaced.version()).isEqualTo(2);
        assertThat(replaced.id()).isEqualTo(created.id());
        assertThat(replaced.createdAt()).isEqualTo(NOW);
        assertThat(replaced.priority()).isEqualTo(7);
        assertThat(repository.find(created.id())).contains(replaced);
        assertThat(catalog.store(STORE_A).orElseThrow().reachedBy(TriggerType.ENTER, Optional.of("zone-cheese"))).extracting(CampaignCatalog.Reached::campaign).containsExactly(replaced);
        assertThat(catalog.store(STORE_A).orElseThrow().reachedBy(TriggerType.ENTER, Optional.of("zone-wine"))).isEmpty();
    }

    @Test
    void aCampaignStaysInItsStore() {
        Campaign created = campaigns.create(ADMIN, body(STORE_A, "zone-wine"));

        InvalidField refused = catchThrowableOfType(() -> campaigns.replace(ADMIN, created.id(), body(STORE_B, "zone-b")), InvalidField.class);

        assertThat(refused.field()).isEqualTo("storeId");
        assertThat(repository.find(created.id())).contains(created);
    }

    @Test
    void aChangeMadeMeanwhileElsewhereConflicts() {
        Campaign created = campaigns.create(STAFF_A, body(STORE_A, "zone-wine"));
        Campaign elsewhere = CampaignDefinition.read(body(STORE_A, "zone-cheese")).toCampaign(created.id(), created.createdAt(), 2, Duration.ofHours(2));
        repository.beforeNextReplace = () -> assertThat(repository.inner.replace(elsewhere, 1)).isTrue();

        assertThatThrownBy(() -> campaigns.replace(STAFF_A, created.id(), body(STORE_A, "zone-wine"))).isInstanceOf(Conflict.class);

        assertThat(repository.find(created.id())).contains(elsewhere);
        Campaign retried = campaigns.replace(STAFF_A, created.id(), body(STORE_A, "zone-wine"));
        assertThat(retried.version()).isEqualTo(3);
    }

    @Test
    void variantsCanBeAddedButNotRemoved() {
        Map<String, Object> two = body(STORE_A, "zone-wine");
        two.put("variants", list(map("title", map("en", "A"), "body", map("en", "a")), map("title", map("en", "B"), "body", map("en", "b"))));
        Campaign created = campaigns.create(STAFF_A, two);
        tallies.find(created.id()).orElseThrow().add(1, Metric.REDEEMED, 3);

        InvalidField refused = catchThrowableOfType(() -> campaigns.replace(STAFF_A, created.id(), body(STORE_A, "zone-wine")), InvalidField.class);
        assertThat(refused.field()).isEqualTo("variants");
        assertThat(repository.find(created.id()).orElseThrow().variants()).hasSize(2);

        Map<String, Object> three = body(STORE_A, "zone-wine");
        three.put("variants", list(map("title", map("en", "A"), "body", map("en", "a")), map("title", map("en", "B2"), "body", map("en", "b")),
                map("title", map("en", "C"), "body", map("en", "c"))));
        Campaign grown = campaigns.replace(STAFF_A, created.id(), three);
        assertThat(grown.variants()).hasSize(3);
        CampaignTally tally = tallies.find(created.id()).orElseThrow();
        assertThat(tally.variants()).isEqualTo(3);
        assertThat(tally.successes(1)).as("the statistics stay").isEqualTo(3);
    }

    @Test
    void aPausedCampaignLeavesTheCatalogAndComesBackWhenResumed() {
        Campaign created = campaigns.create(STAFF_A, body(STORE_A, "zone-wine"));
        Map<String, Object> paused = body(STORE_A, "zone-wine");
        paused.put("status", "paused");

        campaigns.replace(STAFF_A, created.id(), paused);
        assertThat(catalog.size()).isZero();
        assertThat(catalog.store(STORE_A)).isEmpty();

        campaigns.replace(STAFF_A, created.id(), body(STORE_A, "zone-wine"));
        assertThat(catalog.size()).isEqualTo(1);
    }

    @Test
    void atStartTheBudgetAndTheBanditContinueWhereTheyWere() {
        Campaign stored = CampaignDefinition.read(body(STORE_A, "zone-wine")).toCampaign("cmp-old", NOW, 1, Duration.ofHours(2));
        repository.insert(stored);
        stats.add("cmp-old", 0, Optional.of("zone-wine"), Metric.DELIVERED, 7);
        stats.add("cmp-old", 0, Optional.empty(), Metric.DELIVERED, 2);
        stats.add("cmp-old", 0, Optional.of("zone-wine"), Metric.REDEEMED, 3);

        campaigns.start();

        CampaignTally tally = tallies.find("cmp-old").orElseThrow();
        assertThat(tally.deliveriesReserved()).isEqualTo(9);
        assertThat(tally.successes(0)).isEqualTo(3);
        assertThat(catalog.size()).isEqualTo(1);
    }

    /** Two stores in different time zones with their zones. */
    private static final class Stores implements StoreDirectory {
        private final Map<String, ZoneId> timezones = Map.of(STORE_A, ZoneId.of("Europe/Berlin"), STORE_B, ZoneId.of("Europe/Lisbon"));
        private final Map<String, Set<String>> zones = Map.of(STORE_A, Set.of("zone-wine", "zone-cheese"), STORE_B, Set.of("zone-b"));

        @Override
        public Optional<ZoneId> timezone(String storeId) {
            return Optional.ofNullable(timezones.get(storeId));
        }

        @Override
        public boolean hasZone(String storeId, String zoneId) {
            return zones.getOrDefault(storeId, Set.of()).contains(zoneId);
        }

        @Override
        public Map<String, ZoneId> timezones() {
            return timezones;
        }
    }

    /** The in-memory repository, where another instance's change can land between a read and the write that follows. */
    private static final class RacingRepository implements CampaignRepository {
        final InMemoryCampaignRepository inner = new InMemoryCampaignRepository();
        volatile Runnable beforeNextReplace;

        @Override
        public void insert(Campaign campaign) {
            inner.insert(campaign);
        }

        @Override
        public boolean replace(Campaign campaign, long expectedVersion) {
            Runnable race = beforeNextReplace;
            beforeNextReplace = null;
            if (race != null) {
                race.run();
            }
            return inner.replace(campaign, expectedVersion);
        }

        @Override
        public Optional<Campaign> find(String id) {
            return inner.find(id);
        }

        @Override
        public Page<Campaign> ofStores(Collection<String> storeIds, PageRequest page) {
            return inner.ofStores(storeIds, page);
        }

        @Override
        public List<Campaign> all() {
            return inner.all();
        }
    }
}
