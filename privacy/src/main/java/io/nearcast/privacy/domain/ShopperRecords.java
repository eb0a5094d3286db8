package io.nearcast.privacy.domain;

import java.time.Instant;
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
        return repository.find(shopper)
                .map(found -> List.of(Map.of("id", found.id().value(), "createdAt", found.createdAt().toString(),
                        "token", "stored only as a SHA-256 hash",
                        "broadcastIdentityKey", found.sealedEidKey().isPresent() ? "stored encrypted; your app holds it" : "none")))
                .orElse(List.of());
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
