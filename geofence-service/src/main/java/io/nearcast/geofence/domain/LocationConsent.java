package io.nearcast.geofence.domain;

/**
 * Port: whether the shopper allows the {@code location} purpose now (the privacy module's
 * processing policy). Asked for every report and at every sweep, so a withdrawal stops the
 * tracking within a sweep.
 */
@FunctionalInterface
public interface LocationConsent {

    boolean allowsLocation(String shopperId);
}
