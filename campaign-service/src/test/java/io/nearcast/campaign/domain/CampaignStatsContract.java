package io.nearcast.campaign.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The {@link CampaignStats} port's contract; the in-memory statistics and the JDBC ones on H2 and PostgreSQL run it. */
public abstract class CampaignStatsContract {

    private CampaignStats stats;

    /** Fresh, empty statistics. */
    protected abstract CampaignStats freshStats() throws Exception;

    @BeforeEach
    void createStats() throws Exception {
        stats = freshStats();
    }

    @Test
    void additionsAddUpPerCampaignVariantAndZone() {
        stats.add("cmp-1", 0, Optional.of("wine"), Metric.DELIVERED, 1);
        stats.add("cmp-1", 0, Optional.of("wine"), Metric.DELIVERED, 2);
        stats.add("cmp-1", 0, Optional.of("wine"), Metric.REDEEMED, 1);
        stats.add("cmp-1", 0, Optional.empty(), Metric.DELIVERED, 4);
        stats.add("cmp-1", 1, Optional.of("wine"), Metric.OPENED, 5);
        stats.add("cmp-2", 0, Optional.of("wine"), Metric.EXPIRED, 6);

        assertThat(stats.of("cmp-1")).extracting(CampaignStatsContract::describe)
                .containsExactlyInAnyOrder("cmp-1/0/wine 3 0 1 0 0", "cmp-1/0/- 4 0 0 0 0", "cmp-1/1/wine 0 5 0 0 0");
        assertThat(stats.of("cmp-2")).extracting(CampaignStatsContract::describe).containsExactly("cmp-2/0/wine 0 0 0 0 6");
        assertThat(stats.all()).hasSize(4);
    }

    @Test
    void everyMetricIsCountedApart() {
        for (Metric metric : Metric.values()) {
            stats.add("cmp-1", 2, Optional.of("door"), metric, metric.ordinal() + 10L);
        }

        CampaignStats.Row row = stats.of("cmp-1").get(0);
        for (Metric metric : Metric.values()) {
            assertThat(row.count(metric)).as(metric.wireName()).isEqualTo(metric.ordinal() + 10L);
        }
        assertThat(row.zoneId()).contains("door");
        assertThat(row.variant()).isEqualTo(2);
    }

    @Test
    void aCampaignWithoutCountsHasNoRows() {
        stats.add("cmp-1", 0, Optional.empty(), Metric.DELIVERED, 1);

        assertThat(stats.of("cmp-2")).isEmpty();
    }

    @Test
    void noStatisticsAtAllReadAsNoRows() {
        assertThat(stats.all()).isEmpty();
    }

    @Test
    @Timeout(120)
    void eightThreadsAddingFiveHundredTimesEachSumExactly() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Metric other = t % 2 == 0 ? Metric.OPENED : Metric.REDEEMED;
            writers.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 500; i++) {
                    stats.add("cmp-1", 0, Optional.of("wine"), Metric.DELIVERED, 1);
                    if (i % 10 == 0) {
                        stats.add("cmp-1", 0, Optional.of("wine"), other, 3); // another column of the same row meanwhile
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> writer : writers) {
            writer.get();
        }
        pool.shutdown();

        List<CampaignStats.Row> rows = stats.of("cmp-1");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).count(Metric.DELIVERED)).isEqualTo(8 * 500);
        assertThat(rows.get(0).count(Metric.OPENED)).isEqualTo(4 * 50 * 3);
        assertThat(rows.get(0).count(Metric.REDEEMED)).isEqualTo(4 * 50 * 3);
    }

    private static String describe(CampaignStats.Row row) {
        return row.campaignId() + "/" + row.variant() + "/" + row.zoneId().orElse("-") + " "
                + String.join(" ", Arrays.stream(row.counts()).mapToObj(Long::toString).toList());
    }
}
