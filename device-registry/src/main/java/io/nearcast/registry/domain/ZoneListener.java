package io.nearcast.registry.domain;

/**
 * Port: told that a store's zones changed (a zone created, imported, changed or deleted), after
 * the registry holds the change, so that reading the store's zones then sees it. Subscribe through
 * {@link ZoneChanges}.
 *
 * <p>Called on the thread that made the change (an API request), once per change; it should only
 * note the store and return, leaving slow work such as rebuilding an index to another thread.
 * It may be called from several threads at once.
 */
@FunctionalInterface
public interface ZoneListener {

    /** @param storeId the store whose zones changed */
    void zonesChanged(StoreId storeId);
}
