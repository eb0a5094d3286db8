package io.nearcast.broker.hivemq;

import java.util.concurrent.atomic.AtomicLong;

/** What the broker's access control refused, counted since start. Thread-safe. */
public final class BrokerCounters {

    final AtomicLong refusedConnects = new AtomicLong();
    final AtomicLong refusedPublishes = new AtomicLong();
    final AtomicLong refusedSubscriptions = new AtomicLong();

    public long refusedConnects() {
        return refusedConnects.get();
    }

    public long refusedPublishes() {
        return refusedPublishes.get();
    }

    public long refusedSubscriptions() {
        return refusedSubscriptions.get();
    }
}
