package io.nearcast.gateway.domain.ingest;

/**
 * One entry of a scanner's report as it arrived (CONTRACT §3: {@code {"adv":"<hex>","rssi":-67}}),
 * before validation; fields may be missing (null).
 */
public record RawSighting(String adv, Integer rssi, String addr) {

    /** A sighting without the advertiser's address (the address is optional). */
    public RawSighting(String adv, Integer rssi) {
        this(adv, rssi, null);
    }
}
