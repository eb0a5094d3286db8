package io.nearcast.campaign.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: every offer made, per shopper. The decision engine reads a shopper's recent offers under
 * the shopper's lock (so its caps see every offer made before), the lifecycle changes them
 * atomically. Implementations are thread-safe.
 */
public interface OfferLedger {

    void add(Offer offer);

    Optional<Offer> find(String offerId);

    /** The shopper's offers delivered at or after {@code since}, oldest first. */
    List<Offer> deliveredSince(String shopperId, Instant since);

    /**
     * Moves an open offer on, atomically: to {@code OPENED} (recording the first opening; a
     * closed offer keeps its status), or to a final status. Redeeming or dismissing an offer that
     * has expired by {@code at}, or that is already closed, changes nothing.
     *
     * @return the offer after the change, or empty when nothing changed
     */
    Optional<Offer> transition(String offerId, OfferStatus next, Instant at);

    /** Closes every open offer that expired before {@code now}; returns them as they are now. */
    List<Offer> expire(Instant now);

    /** The shopper's offers, oldest first. */
    List<Offer> ofShopper(String shopperId);

    long erase(String shopperId);

    /** Removes offers delivered before the cutoff; returns how many went. */
    long purgeDeliveredBefore(Instant cutoff);
}
