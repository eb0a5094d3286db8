package io.nearcast.campaign.domain;

import java.util.List;
import java.util.Optional;

/**
 * Port: anonymous campaign analytics, counts per campaign, variant and zone (no shopper ids;
 * they outlive erasure and retention). Thread-safe; additions are atomic per row.
 */
public interface CampaignStats {

    /** @param zoneId empty for offers made outside any zone (taps and scans without one) */
    void add(String campaignId, int variant, Optional<String> zoneId, Metric metric, long n);

    /** Every row of the campaign. */
    List<Row> of(String campaignId);

    /** Every row (start-up: the budget and the bandit continue where they were). */
    List<Row> all();

    /** @param counts indexed by {@link Metric#ordinal()} */
    record Row(String campaignId, int variant, Optional<String> zoneId, long[] counts) {

        public Row {
            counts = counts.clone();
            if (counts.length != Metric.values().length) {
                throw new IllegalArgumentException("one count per metric");
            }
        }

        public long count(Metric metric) {
            return counts[metric.ordinal()];
        }

        @Override
        public long[] counts() {
            return counts.clone();
        }
    }
}
