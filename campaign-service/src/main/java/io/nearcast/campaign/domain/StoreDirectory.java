package io.nearcast.campaign.domain;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/** Port: what the campaign service needs to know about stores and zones (the registry). */
public interface StoreDirectory {

    /** The store's time zone, or empty for a store that does not exist. */
    Optional<ZoneId> timezone(String storeId);

    boolean hasZone(String storeId, String zoneId);

    /** Every store's time zone. */
    Map<String, ZoneId> timezones();
}
