package io.nearcast.privacy.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The shopper record itself as personal data: exported, erased last, never purged by retention. */
public final class ShopperRecords implements PersonalDataHolder {

    private final ShopperRepository repository;

    public ShopperRecords(ShopperRepository repository) {
        this.repository = repository;
    }

    @Override
    public String name() {
        return "shopper";
    }

    @Override
    public List<Map<String, String>> export(ShopperId shopper) {
        return repository.find(shopper).map(ShopperRecords::record).orElse(List.of());
    }

    private static List<Map<String, String>> record(Shopper shopper) {
        Map<String, String> record = new LinkedHashMap<>();
        record.put("id", shopper.id().value());
        record.put("createdAt", shopper.createdAt().toString());
        record.put("token", "stored only as a SHA-256 hash");
        record.put("broadcastIdentityKey", shopper.sealedEidKey().isPresent() ? "stored encrypted; your app holds it" : "none");
        return List.of(record);
    }

    @Override
    public long erase(ShopperId shopper) {
        return repository.delete(shopper);
    }

    @Override
    public long purgeRawOlderThan(Instant cutoff) {
        return 0;
    }
}
