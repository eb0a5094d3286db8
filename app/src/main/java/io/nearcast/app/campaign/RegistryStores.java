package io.nearcast.app.campaign;

import io.nearcast.campaign.domain.StoreDirectory;
import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import io.nearcast.registry.domain.Store;
import io.nearcast.registry.domain.StoreId;
import io.nearcast.registry.domain.StoreRepository;
import io.nearcast.registry.domain.ZoneRepository;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The registry as the campaign service's store directory. */
final class RegistryStores implements StoreDirectory {

    private final StoreRepository stores;
    private final ZoneRepository zones;

    RegistryStores(StoreRepository stores, ZoneRepository zones) {
        this.stores = stores;
        this.zones = zones;
    }

    @Override
    public Optional<ZoneId> timezone(String storeId) {
        return StoreId.parse(storeId).flatMap(stores::find).map(Store::timezone);
    }

    @Override
    public boolean hasZone(String storeId, String zoneId) {
        return zones.find(zoneId).filter(zone -> zone.storeId().value().equals(storeId)).isPresent();
    }

    @Override
    public Map<String, ZoneId> timezones() {
        Map<String, ZoneId> timezones = new HashMap<>();
        PageRequest request = new PageRequest(0, PageRequest.MAX_SIZE);
        while (true) {
            Page<Store> page = stores.list(request);
            page.items().forEach(store -> timezones.put(store.id().value(), store.timezone()));
            if (page.items().size() < request.size()) {
                return timezones;
            }
            request = new PageRequest(request.page() + 1, request.size());
        }
    }
}
