package io.nearcast.campaign.domain;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The active campaigns, indexed for decisions: per store, trigger and zone, the campaigns a
 * trigger reaches in priority order (highest first; equal priorities: the older campaign first),
 * store-wide campaigns merged into every zone's list. Built once per change and swapped
 * atomically; reads never lock. Thread-safe.
 */
public final class CampaignCatalog {

    private static final Comparator<Campaign> PRIORITY = Comparator.comparingInt(Campaign::priority).reversed()
            .thenComparing(Campaign::createdAt).thenComparing(Campaign::id);

    private final AtomicReference<Map<String, StoreCampaigns>> stores = new AtomicReference<>(Map.of());

    /** The campaigns of one store and its time zone. */
    public static final class StoreCampaigns {
        private final ZoneId timezone;
        private final Map<TriggerType, Map<String, List<Campaign>>> byZone = new EnumMap<>(TriggerType.class);
        private final Map<TriggerType, List<Campaign>> storeWide = new EnumMap<>(TriggerType.class);

        private StoreCampaigns(ZoneId timezone, Collection<Campaign> campaigns) {
            this.timezone = timezone;
            for (TriggerType type : TriggerType.values()) {
                List<Campaign> wide = campaigns.stream().filter(c -> c.trigger().type() == type && c.zoneIds().isEmpty()).sorted(PRIORITY).toList();
                storeWide.put(type, wide);
                Map<String, List<Campaign>> zones = new HashMap<>();
                for (Campaign campaign : campaigns) {
                    if (campaign.trigger().type() == type) {
                        campaign.zoneIds().forEach(zone -> zones.computeIfAbsent(zone, z -> new ArrayList<>(wide)).add(campaign));
                    }
                }
                zones.replaceAll((zone, list) -> list.stream().sorted(PRIORITY).toList());
                byZone.put(type, zones);
            }
        }

        public ZoneId timezone() {
            return timezone;
        }

        /** The campaigns this trigger reaches in the zone (or, without a zone, the store-wide ones), best first. */
        public List<Campaign> reachedBy(TriggerType trigger, Optional<String> zoneId) {
            if (zoneId.isPresent()) {
                List<Campaign> zoned = byZone.get(trigger).get(zoneId.get());
                if (zoned != null) {
                    return zoned;
                }
            }
            return storeWide.get(trigger);
        }

        /** The distinct dwell times of campaigns with their own dwell time in the zone. */
        public Set<Duration> dwellTimes(String zoneId) {
            Set<Duration> times = new TreeSet<>();
            for (Campaign campaign : reachedBy(TriggerType.DWELL, Optional.of(zoneId))) {
                campaign.trigger().dwell().ifPresent(times::add);
            }
            return times;
        }
    }

    /**
     * Replaces the catalog with these campaigns; paused ones are left out.
     *
     * @param timezones every store's time zone
     */
    public void replace(Collection<Campaign> campaigns, Map<String, ZoneId> timezones) {
        Map<String, List<Campaign>> byStore = new HashMap<>();
        for (Campaign campaign : campaigns) {
            if (campaign.status() == CampaignStatus.ACTIVE && timezones.containsKey(campaign.storeId())) {
                byStore.computeIfAbsent(campaign.storeId(), store -> new ArrayList<>()).add(campaign);
            }
        }
        Map<String, StoreCampaigns> built = new HashMap<>();
        byStore.forEach((store, list) -> built.put(store, new StoreCampaigns(timezones.get(store), list)));
        stores.set(Map.copyOf(built));
        active = byStore.values().stream().mapToInt(List::size).sum();
    }

    private volatile int active;

    public Optional<StoreCampaigns> store(String storeId) {
        return Optional.ofNullable(stores.get().get(storeId));
    }

    /** How many active campaigns it holds. */
    public int size() {
        return active;
    }
}
