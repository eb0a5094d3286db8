package io.nearcast.geofence.domain;

import java.time.Instant;
import java.util.List;

/** Port: every consenting shopper's zone visits (personal data). */
public interface VisitHistory {

    /**
     * Records zone events: an enter starts a visit, a dwell and an exit complete it. Repeats are
     * harmless (the same visit id and type again changes nothing); an exit or dwell whose enter
     * was never recorded starts the visit from what it says.
     */
    void record(List<ZoneEvent> events);

    /** The shopper's visits, oldest first. */
    List<VisitRecord> of(String shopperId);

    /** Removes all the shopper's visits; how many went. */
    long erase(String shopperId);

    /** Removes the visits that began before the cutoff; how many went. */
    long purgeEnteredBefore(Instant cutoff);
}
