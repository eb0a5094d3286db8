package io.nearcast.geofence.domain;

/**
 * One open visit of a shopper to a zone, and which sources (beacons, GPS) currently place the
 * shopper in it; the visit ends when the last source lets go. Not thread-safe: lives inside a
 * {@link Presence}.
 */
final class Visit {

    static final int BEACON = 1;
    static final int GPS = 2;

    final long id;
    final String storeId;
    final String zoneId;
    final long enteredAt;
    int sources;
    boolean dwelt;

    Visit(long id, String storeId, String zoneId, long enteredAt, int source) {
        this.id = id;
        this.storeId = storeId;
        this.zoneId = zoneId;
        this.enteredAt = enteredAt;
        this.sources = source;
    }

    boolean is(String store, String zone) {
        return zoneId.equals(zone) && storeId.equals(store);
    }

    String visitId() {
        return String.format("%016x", id);
    }
}
