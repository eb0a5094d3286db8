package io.nearcast.geofence.domain;

/** The presence store contract on the in-memory store. */
class InMemoryPresenceStoreTest implements PresenceStoreContract {

    @Override
    public PresenceStore store(int capacity) {
        return new InMemoryPresenceStore(capacity);
    }
}
