package io.nearcast.campaign.domain;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A campaign's running counts in this process, per variant: what the bandit learns from and
 * what the budget is checked against. Deliveries are reserved before an offer is made, so two
 * simultaneous decisions never both take the last one. Thread-safe (atomics, no locks).
 */
public final class CampaignTally {

    private static final int METRICS = Metric.values().length;

    private final int variants;
    private final AtomicLongArray counts;
    private final AtomicLong reservedDeliveries = new AtomicLong();

    public CampaignTally(int variants) {
        if (variants < 1 || variants > Campaign.MAX_VARIANTS) {
            throw new IllegalArgumentException("variants out of range: " + variants);
        }
        this.variants = variants;
        this.counts = new AtomicLongArray(Campaign.MAX_VARIANTS * METRICS);
    }

    public int variants() {
        return variants;
    }

    /** Takes one delivery of the budget; false when none is left. */
    public boolean reserveDelivery(OptionalLong maxDeliveries) {
        if (maxDeliveries.isEmpty()) {
            reservedDeliveries.incrementAndGet();
            return true;
        }
        long max = maxDeliveries.getAsLong();
        while (true) {
            long current = reservedDeliveries.get();
            if (current >= max) {
                return false;
            }
            if (reservedDeliveries.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    /** Gives back a reservation whose offer could not be made. */
    public void releaseDelivery() {
        reservedDeliveries.decrementAndGet();
    }

    /** Counts what happened to an offer (a delivery was reserved before). */
    public void add(int variant, Metric metric, long n) {
        counts.addAndGet(variant * METRICS + metric.ordinal(), n);
    }

    /** Adds counts read from the statistics store at start-up; deliveries then also count against the budget. */
    public void load(int variant, Metric metric, long n) {
        add(variant, metric, n);
        if (metric == Metric.DELIVERED) {
            reservedDeliveries.addAndGet(n);
        }
    }

    public long count(int variant, Metric metric) {
        return counts.get(variant * METRICS + metric.ordinal());
    }

    public long total(Metric metric) {
        long sum = 0;
        for (int variant = 0; variant < variants; variant++) {
            sum += count(variant, metric);
        }
        return sum;
    }

    public long deliveriesReserved() {
        return reservedDeliveries.get();
    }

    /** Redemptions: the bandit's successes. */
    public long successes(int variant) {
        return count(variant, Metric.REDEEMED);
    }

    /** Offers closed without a redemption (dismissed or expired): the bandit's failures. */
    public long failures(int variant) {
        return count(variant, Metric.DISMISSED) + count(variant, Metric.EXPIRED);
    }
}
