package io.nearcast.gateway.domain.ingest;

/**
 * One entry of a scanner's report as it arrived (CONTRACT §3: {@code {"adv":"<hex>","rssi":-67}}),
 * before validation; fields may be missing (null).
 */
public record RawSighting(String adv, Integer rssi) {
}
