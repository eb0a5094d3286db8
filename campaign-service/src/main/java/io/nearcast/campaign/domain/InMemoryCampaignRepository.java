package io.nearcast.campaign.domain;

import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Campaigns in memory (tests, benchmarks). Thread-safe. */
public final class InMemoryCampaignRepository implements CampaignRepository {

    private final Map<String, Campaign> byId = new ConcurrentHashMap<>();

    @Override
    public void insert(Campaign campaign) {
        if (byId.putIfAbsent(campaign.id(), campaign) != null) {
            throw new IllegalStateException("campaign " + campaign.id() + " exists");
        }
    }

    @Override
    public boolean replace(Campaign campaign, long expectedVersion) {
        boolean[] replaced = new boolean[1];
        byId.computeIfPresent(campaign.id(), (id, current) -> {
            replaced[0] = current.version() == expectedVersion;
            return replaced[0] ? campaign : current;
        });
        return replaced[0];
    }

    @Override
    public Optional<Campaign> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Page<Campaign> ofStores(Collection<String> storeIds, PageRequest page) {
        List<Campaign> all = byId.values().stream().filter(c -> storeIds.contains(c.storeId()))
                .sorted(Comparator.comparing(Campaign::createdAt).thenComparing(Campaign::id)).toList();
        int from = (int) Math.min(all.size(), page.offset());
        return Page.of(all.subList(from, Math.min(all.size(), from + page.size())), page, all.size());
    }

    @Override
    public List<Campaign> all() {
        return List.copyOf(byId.values());
    }
}
