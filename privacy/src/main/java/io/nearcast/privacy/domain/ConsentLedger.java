package io.nearcast.privacy.domain;

import java.util.List;

/**
 * Port: the append-only consent ledger. There is no way to change or remove a single entry; the
 * only removal is the erasure of all of a shopper's entries when the shopper is erased (GDPR
 * Art. 17), which is {@link #eraseAll}.
 */
public interface ConsentLedger {

    /** Appends all entries or none, in the given order. */
    void append(List<ConsentEntry> entries);

    /** The shopper's entries, oldest first (in the order they were appended). */
    List<ConsentEntry> history(ShopperId shopperId);

    /** @return how many entries were removed */
    long eraseAll(ShopperId shopperId);
}
