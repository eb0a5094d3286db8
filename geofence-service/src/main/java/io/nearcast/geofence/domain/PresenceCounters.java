package io.nearcast.geofence.domain;

import java.util.concurrent.atomic.LongAdder;

/**
 * What the geofence service did with what it was given, since start: nothing it drops goes
 * uncounted. Exported as metrics by the server. Thread-safe.
 */
public final class PresenceCounters {

    private final LongAdder sightings = new LongAdder();
    private final LongAdder anonymous = new LongAdder();
    private final LongAdder unplaced = new LongAdder();
    private final LongAdder withoutConsent = new LongAdder();
    private final LongAdder late = new LongAdder();
    private final LongAdder forcedReleases = new LongAdder();
    private final LongAdder fixes = new LongAdder();
    private final LongAdder inaccurateFixes = new LongAdder();
    private final LongAdder suspiciousFixes = new LongAdder();
    private final LongAdder enters = new LongAdder();
    private final LongAdder dwells = new LongAdder();
    private final LongAdder exits = new LongAdder();
    private final LongAdder evicted = new LongAdder();
    private final LongAdder consentWithdrawn = new LongAdder();
    private final LongAdder sinkFailures = new LongAdder();

    void sighting() {
        sightings.increment();
    }

    void anonymous() {
        anonymous.increment();
    }

    void unplaced() {
        unplaced.increment();
    }

    void withoutConsent() {
        withoutConsent.increment();
    }

    void late() {
        late.increment();
    }

    void forcedRelease() {
        forcedReleases.increment();
    }

    void fix() {
        fixes.increment();
    }

    void inaccurateFix() {
        inaccurateFixes.increment();
    }

    void suspiciousFix() {
        suspiciousFixes.increment();
    }

    void eviction() {
        evicted.increment();
    }

    void consentWithdrawn() {
        consentWithdrawn.increment();
    }

    void sinkFailure() {
        sinkFailures.increment();
    }

    void event(ZoneEvent.Type type) {
        switch (type) {
            case ENTER -> enters.increment();
            case DWELL -> dwells.increment();
            case EXIT -> exits.increment();
        }
    }

    /** Sightings of consenting shoppers taken into their presence. */
    public long sightings() {
        return sightings.sum();
    }

    /** Sightings of shoppers without location consent, counted as anonymous footfall only. */
    public long anonymousSightings() {
        return anonymous.sum();
    }

    /** Sightings of anchors placed in no zone (nothing to track them against). */
    public long unplacedSightings() {
        return unplaced.sum();
    }

    /** Sightings carrying a shopper id whose location consent the policy no longer gives (treated as anonymous). */
    public long sightingsWithoutConsent() {
        return withoutConsent.sum();
    }

    /** Observations older than the last one processed for the shopper: beyond the reorder window, not used. */
    public long lateObservations() {
        return late.sum();
    }

    /** Observations processed before their reorder window ended because too many were waiting. */
    public long forcedReleases() {
        return forcedReleases.sum();
    }

    /** GPS fixes accepted. */
    public long fixes() {
        return fixes.sum();
    }

    /** GPS fixes ignored for an accuracy worse than the limit. */
    public long inaccurateFixes() {
        return inaccurateFixes.sum();
    }

    /** GPS fixes ignored as an impossible jump from the last accepted one. */
    public long suspiciousFixes() {
        return suspiciousFixes.sum();
    }

    public long enters() {
        return enters.sum();
    }

    public long dwells() {
        return dwells.sum();
    }

    public long exits() {
        return exits.sum();
    }

    /** Shoppers dropped because the presence store was full. */
    public long evicted() {
        return evicted.sum();
    }

    /** Events a sink threw on (a bug in the sink; the tracker goes on). */
    public long sinkFailures() {
        return sinkFailures.sum();
    }

    /** Shoppers whose tracking stopped because they withdrew location consent. */
    public long consentWithdrawals() {
        return consentWithdrawn.sum();
    }
}
