package io.nearcast.geofence.domain;

import java.time.Instant;

/**
 * Port: anonymous activity in a zone, from shoppers who did not allow the {@code location}
 * purpose. Carries no identifier, so it can only be counted: one call per anonymous report (the
 * zone of its strongest anchor) or per anonymous broadcast a scanner heard.
 */
@FunctionalInterface
public interface AnonymousFootfall {

    void sighted(String storeId, String zoneId, Instant at);
}
