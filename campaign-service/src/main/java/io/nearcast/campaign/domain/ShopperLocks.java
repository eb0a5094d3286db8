package io.nearcast.campaign.domain;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises the decisions about one shopper (striped: shoppers whose ids hash alike share a
 * lock), so that simultaneous occasions never both pass a cap. One process: several instances
 * deciding for the same shopper need the shopper's occasions routed to one of them (docs).
 */
final class ShopperLocks {

    private final ReentrantLock[] stripes;

    ShopperLocks(int stripes) {
        int size = Integer.highestOneBit(Math.max(1, stripes - 1)) << 1;
        this.stripes = new ReentrantLock[size];
        for (int i = 0; i < size; i++) {
            this.stripes[i] = new ReentrantLock();
        }
    }

    ReentrantLock of(String shopperId) {
        int hash = shopperId.hashCode();
        return stripes[(hash ^ (hash >>> 16)) & (stripes.length - 1)];
    }
}
