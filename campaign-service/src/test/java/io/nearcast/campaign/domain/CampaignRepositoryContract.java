package io.nearcast.campaign.domain;

import static io.nearcast.campaign.domain.Samples.T0;
import static io.nearcast.campaign.domain.Samples.campaign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The {@link CampaignRepository} port's contract; the in-memory repository and the JDBC one on H2 and PostgreSQL run it. */
public abstract class CampaignRepositoryContract {

    private CampaignRepository campaigns;

    /** A fresh, empty repository. */
    protected abstract CampaignRepository freshRepository() throws Exception;

    @BeforeEach
    void createRepository() throws Exception {
        campaigns = freshRepository();
    }

    @Test
    void aCampaignReadsBackEqualWithEveryPartOfItsDefinition() {
        Campaign dwell = Samples.richDwellCampaign("cmp-dwell", "store-1", T0, 3);
        Campaign scan = Samples.scanCampaign("cmp-scan", "store-1", T0.plusSeconds(1), 1);

        campaigns.insert(dwell);
        campaigns.insert(scan);

        assertThat(campaigns.find("cmp-dwell")).contains(dwell);
        assertThat(campaigns.find("cmp-scan")).contains(scan);
    }

    @Test
    void anUnknownIdFindsNothing() {
        campaigns.insert(campaign("cmp-1", "store-1", T0, 1));

        assertThat(campaigns.find("cmp-2")).isEmpty();
    }

    @Test
    void insertingATakenIdIsRefusedAndKeepsTheFirstCampaign() {
        Campaign first = campaign("cmp-1", "store-1", T0, 1);
        campaigns.insert(first);

        assertThatThrownBy(() -> campaigns.insert(campaign("cmp-1", "store-2", T0.plusSeconds(5), 1))).isInstanceOf(IllegalStateException.class);
        assertThat(campaigns.find("cmp-1")).contains(first);
    }

    @Test
    void aReplacementWinsOnlyOverTheVersionItWasMadeFrom() {
        Campaign v1 = campaign("cmp-1", "store-1", T0, 1);
        campaigns.insert(v1);
        Campaign v2 = Samples.richDwellCampaign("cmp-1", "store-1", T0, 2);
        Campaign stale = Samples.scanCampaign("cmp-1", "store-1", T0, 2);

        assertThat(campaigns.replace(v2, 1)).isTrue();
        assertThat(campaigns.replace(stale, 1)).isFalse();

        assertThat(campaigns.find("cmp-1")).contains(v2);
    }

    @Test
    void replacingAnUnknownCampaignChangesNothing() {
        assertThat(campaigns.replace(campaign("cmp-1", "store-1", T0, 2), 1)).isFalse();

        assertThat(campaigns.find("cmp-1")).isEmpty();
        assertThat(campaigns.all()).isEmpty();
    }

    @Test
    @Timeout(60)
    void ofEightConcurrentReplacementsOfOneVersionExactlyOneWins() throws Exception {
        campaigns.insert(campaign("cmp-1", "store-1", T0, 1));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> writers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int priority = t;
            writers.add(pool.submit(() -> {
                start.await();
                Campaign changed = campaign("cmp-1", "store-1", T0, 2);
                return campaigns.replace(new Campaign(changed.id(), changed.storeId(), changed.name(), changed.status(), changed.zoneIds(), changed.gtins(),
                        changed.trigger(), changed.schedule(), changed.audience(), changed.context(), changed.variants(), changed.caps(),
                        changed.budget(), priority, changed.offerValidity(), changed.createdAt(), changed.version()), 1);
            }));
        }
        start.countDown();
        int won = 0;
        for (Future<Boolean> writer : writers) {
            won += writer.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(won).isEqualTo(1);
        assertThat(campaigns.find("cmp-1").orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void theCampaignsOfSomeStoresComeOldestFirstInPages() {
        campaigns.insert(campaign("cmp-c", "store-1", T0.plusSeconds(30), 1));
        campaigns.insert(campaign("cmp-a", "store-2", T0.plusSeconds(10), 1));
        campaigns.insert(campaign("cmp-e", "store-1", T0.plusSeconds(50), 1));
        campaigns.insert(campaign("cmp-b", "store-1", T0.plusSeconds(20), 1));
        campaigns.insert(campaign("cmp-x", "store-3", T0, 1));
        campaigns.insert(campaign("cmp-d2", "store-2", T0.plusSeconds(40), 1));
        campaigns.insert(campaign("cmp-d1", "store-1", T0.plusSeconds(40), 1)); // same time as cmp-d2: by id

        Page<Campaign> first = campaigns.ofStores(List.of("store-1", "store-2"), new PageRequest(0, 4));
        Page<Campaign> second = campaigns.ofStores(Set.of("store-1", "store-2"), new PageRequest(1, 4));

        assertThat(first.total()).isEqualTo(6);
        assertThat(first.items()).extracting(Campaign::id).containsExactly("cmp-a", "cmp-b", "cmp-c", "cmp-d1");
        assertThat(second.total()).isEqualTo(6);
        assertThat(second.items()).extracting(Campaign::id).containsExactly("cmp-d2", "cmp-e");
        assertThat(campaigns.ofStores(List.of("store-1"), new PageRequest(2, 4)).items()).isEmpty();
        assertThat(campaigns.ofStores(List.of("store-9"), PageRequest.first()).total()).isZero();
        assertThat(campaigns.ofStores(List.of(), PageRequest.first()).items()).isEmpty();
    }

    @Test
    void allGivesEveryCampaignOfEveryStore() {
        Campaign a = campaign("cmp-a", "store-1", T0, 1);
        Campaign b = Samples.richDwellCampaign("cmp-b", "store-2", T0.plus(Duration.ofDays(1)), 4);
        Campaign c = Samples.scanCampaign("cmp-c", "store-3", T0.minus(Duration.ofDays(1)), 2);
        campaigns.insert(a);
        campaigns.insert(b);
        campaigns.insert(c);

        assertThat(campaigns.all()).containsExactlyInAnyOrder(a, b, c);
    }
}
