package io.nearcast.gateway.domain.ingest;

/** Asks the processing policy whether a shopper may be located (the {@code location} purpose) right now. */
@FunctionalInterface
public interface ShopperConsent {

    boolean mayLocate(String shopperId);
}
