package io.nearcast.privacy.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every registered {@link PersonalDataHolder}, asked together: export, erase and purge. Holders
 * are erased in the reverse order of registration, so the shopper record (registered first) goes
 * last, after everything that refers to it. Thread-safe.
 */
public final class PersonalData {

    private final List<PersonalDataHolder> holders = new CopyOnWriteArrayList<>();
    private final Clock clock;

    public PersonalData(Clock clock) {
        this.clock = clock;
    }

    public void register(PersonalDataHolder holder) {
        if (holders.stream().anyMatch(existing -> existing.name().equals(holder.name()))) {
            throw new IllegalArgumentException("a holder named " + holder.name() + " is already registered");
        }
        holders.add(holder);
    }

    public List<String> holderNames() {
        return holders.stream().map(PersonalDataHolder::name).toList();
    }

    /** Everything every holder keeps about the shopper. */
    public ShopperExport export(ShopperId shopper) {
        Map<String, List<Map<String, String>>> data = new LinkedHashMap<>();
        holders.forEach(holder -> data.put(holder.name(), holder.export(shopper)));
        return new ShopperExport(shopper, clock.instant(), data);
    }

    /** Erases the shopper from every holder; the receipt counts what each removed. */
    public ErasureReceipt erase(ShopperId shopper) {
        List<PersonalDataHolder> reversed = new ArrayList<>(holders);
        Collections.reverse(reversed);
        Map<String, Long> removed = new LinkedHashMap<>();
        reversed.forEach(holder -> removed.put(holder.name(), holder.erase(shopper)));
        return new ErasureReceipt(clock.instant(), removed);
    }

    /** Retention: raw data older than {@code keep} goes from every holder; returns counts per holder. */
    public Map<String, Long> purgeOlderThan(Duration keep) {
        Instant cutoff = clock.instant().minus(keep);
        Map<String, Long> removed = new LinkedHashMap<>();
        holders.forEach(holder -> removed.put(holder.name(), holder.purgeRawOlderThan(cutoff)));
        return removed;
    }

    /** What a shopper's export holds: per holder, its records. */
    public record ShopperExport(ShopperId shopper, Instant generatedAt, Map<String, List<Map<String, String>>> data) {
    }

    /** What an erasure removed, per holder; it names no shopper, so it can be kept as proof. */
    public record ErasureReceipt(Instant erasedAt, Map<String, Long> removed) {
        public long total() {
            return removed.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
