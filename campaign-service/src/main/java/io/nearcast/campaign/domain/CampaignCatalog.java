package io.nearcast.campaign.domain;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.BitSet;
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

    /** A campaign as the catalog holds it: with its slot in the store (for the per-minute schedule). */
    public record Reached(Campaign campaign, int slot) {
    }

    /** The campaigns of one store and its time zone. */
    public static final class StoreCampaigns {
        private final ZoneId timezone;
        private final Campaign[] bySlot;
        private final Map<TriggerType, Map<String, List<Reached>>> byZone = new EnumMap<>(TriggerType.class);
        private final Map<TriggerType, List<Reached>> storeWide = new EnumMap<>(TriggerType.class);
        private volatile MinuteSchedule schedule = new MinuteSchedule(Long.MIN_VALUE, new BitSet());

        /** Which campaigns' schedules cover one store-local minute (schedules have minute resolution). */
        private record MinuteSchedule(long minute, BitSet running) {
        }

        private volatile WeatherFit weatherFit = new WeatherFit(null, new BitSet(), new BitSet());

        /** For one context reading: which campaigns' weather categories and temperature ranges it fits (age aside). */
        public record WeatherFit(ContextReading reading, BitSet weather, BitSet temperature) {
        }

        private StoreCampaigns(ZoneId timezone, Collection<Campaign> campaigns) {
            this.timezone = timezone;
            this.bySlot = campaigns.toArray(Campaign[]::new);
            List<Reached> all = new ArrayList<>();
            for (int slot = 0; slot < bySlot.length; slot++) {
                all.add(new Reached(bySlot[slot], slot));
            }
            Comparator<Reached> order = Comparator.comparing(Reached::campaign, PRIORITY);
            for (TriggerType type : TriggerType.values()) {
                List<Reached> wide = all.stream().filter(r -> r.campaign().trigger().type() == type && r.campaign().zoneIds().isEmpty()).sorted(order).toList();
                storeWide.put(type, wide);
                Map<String, List<Reached>> zones = new HashMap<>();
                for (Reached reached : all) {
                    if (reached.campaign().trigger().type() == type) {
                        reached.campaign().zoneIds().forEach(zone -> zones.computeIfAbsent(zone, z -> new ArrayList<>(wide)).add(reached));
                    }
                }
                zones.replaceAll((zone, list) -> list.stream().sorted(order).toList());
                byZone.put(type, zones);
            }
        }

        /**
         * Which of the store's campaigns run at this store-local time, by {@link Reached#slot()}.
         * Evaluated for every campaign of the store once per store-local minute (schedules have
         * minute resolution) and kept until the minute changes, so a decision that walks a
         * thousand campaigns reads a bit per campaign. The answer must not be changed.
         */
        public BitSet runningAt(LocalDateTime local) {
            long minute = local.toLocalDate().toEpochDay() * 1440 + local.getHour() * 60L + local.getMinute();
            MinuteSchedule current = schedule;
            if (current.minute != minute) {
                BitSet running = new BitSet(bySlot.length);
                LocalDateTime start = local.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
                for (int slot = 0; slot < bySlot.length; slot++) {
                    running.set(slot, bySlot[slot].schedule().covers(start));
                }
                current = new MinuteSchedule(minute, running);
                schedule = current;
            }
            return current.running;
        }

        /**
         * Which campaigns' context conditions this reading fits, by slot (staleness is checked per
         * decision). Computed once per reading (readings change every few minutes, decisions
         * many times a second). The answer must not be changed.
         */
        public WeatherFit fitting(ContextReading reading) {
            WeatherFit current = weatherFit;
            if (current.reading != reading) {
                BitSet weather = new BitSet(bySlot.length);
                BitSet temperature = new BitSet(bySlot.length);
                for (int slot = 0; slot < bySlot.length; slot++) {
                    Optional<ContextCondition> condition = bySlot[slot].context();
                    weather.set(slot, condition.map(c -> c.weatherFits(reading)).orElse(true));
                    temperature.set(slot, condition.map(c -> c.temperatureFits(reading)).orElse(true));
                }
                current = new WeatherFit(reading, weather, temperature);
                weatherFit = current;
            }
            return current;
        }

        public ZoneId timezone() {
            return timezone;
        }

        /** The campaigns this trigger reaches in the zone (or, without a zone, the store-wide ones), best first. */
        public List<Reached> reachedBy(TriggerType trigger, Optional<String> zoneId) {
            if (zoneId.isPresent()) {
                List<Reached> zoned = byZone.get(trigger).get(zoneId.get());
                if (zoned != null) {
                    return zoned;
                }
            }
            return storeWide.get(trigger);
        }

        /** The distinct dwell times of campaigns with their own dwell time in the zone. */
        public Set<Duration> dwellTimes(String zoneId) {
            Set<Duration> times = new TreeSet<>();
            for (Reached reached : reachedBy(TriggerType.DWELL, Optional.of(zoneId))) {
                reached.campaign().trigger().dwell().ifPresent(times::add);
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
