package io.nearcast.registry.domain;

import io.nearcast.kernel.domain.Deletion;
import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Port: the key batches NFC tags take their SDM keys from. */
public interface TagBatchRepository {

    void insert(TagBatch batch);

    Optional<TagBatch> find(String id);

    /** {@link Deletion#IN_USE} while tags take their keys from the batch. */
    Deletion delete(String id);

    /** Every batch, oldest first. */
    Page<TagBatch> list(PageRequest request);

    /** The batches of the given stores, oldest first; no store-less batches. */
    Page<TagBatch> listAmong(Collection<StoreId> storeIds, PageRequest request);

    /** Every batch, oldest first: there are few (one per production run of tags). */
    List<TagBatch> all();
}
