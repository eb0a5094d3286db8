package io.nearcast.privacy.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * SPI: a component that stores personal data about shoppers. Each one registers with
 * {@link PersonalData}, so that export (GDPR Art. 15/20), erasure (Art. 17) and retention reach
 * it; a component that stores personal data without a holder is a bug the erasure test finds.
 */
public interface PersonalDataHolder {

    /** A short stable name for receipts and exports, e.g. {@code consent-ledger}. */
    String name();

    /** Every record held about the shopper, each as field name → text. */
    List<Map<String, String>> export(ShopperId shopper);

    /** Removes everything held about the shopper; returns how many records went. */
    long erase(ShopperId shopper);

    /**
     * Removes raw per-shopper data recorded before the cutoff (anonymous aggregates stay);
     * returns how many records went. Holders of data that lives as long as the shopper (the
     * shopper record, the consent ledger) return 0.
     */
    long purgeRawOlderThan(Instant cutoff);
}
