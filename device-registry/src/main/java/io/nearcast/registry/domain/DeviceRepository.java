package io.nearcast.registry.domain;

import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import java.util.Optional;

/** Port: registered in-store devices. */
public interface DeviceRepository {

    void insert(Device device);

    Optional<Device> find(String id);

    /** The store's devices, oldest first. */
    Page<Device> list(StoreId storeId, PageRequest request);

    /**
     * Replaces name, enabled flag, zone and credentials of an existing device (id, store, kind and
     * creation time never change).
     *
     * @return false when no such device exists
     */
    boolean update(Device device);

    /** @return false when no such device exists */
    boolean delete(String id);
}
