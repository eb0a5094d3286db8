package io.nearcast.campaign.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/** Campaign statistics in memory (tests, benchmarks). Thread-safe. */
public final class InMemoryCampaignStats implements CampaignStats {

    private record Key(String campaignId, int variant, Optional<String> zoneId) {
    }

    private final Map<Key, AtomicLongArray> rows = new ConcurrentHashMap<>();

    @Override
    public void add(String campaignId, int variant, Optional<String> zoneId, Metric metric, long n) {
        rows.computeIfAbsent(new Key(campaignId, variant, zoneId), key -> new AtomicLongArray(Metric.values().length)).addAndGet(metric.ordinal(), n);
    }

    @Override
    public List<Row> of(String campaignId) {
        return all().stream().filter(row -> row.campaignId().equals(campaignId)).toList();
    }

    @Override
    public List<Row> all() {
        List<Row> all = new ArrayList<>();
        rows.forEach((key, counts) -> {
            long[] copy = new long[counts.length()];
            for (int i = 0; i < copy.length; i++) {
                copy[i] = counts.get(i);
            }
            all.add(new Row(key.campaignId, key.variant, key.zoneId, copy));
        });
        return all;
    }
}
