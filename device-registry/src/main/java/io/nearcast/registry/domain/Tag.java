package io.nearcast.registry.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A registered NFC tag. It is known by its UID, by the product it is stuck on, or both; a tag
 * without a store is a product tag, valid in every store.
 *
 * @param uid         its 7-byte UID; unique across all stores; required for batch keys (they are diversified from it)
 * @param gtin        the product it belongs to
 * @param keys        where its SDM keys come from
 * @param lastCounter the last SDM read counter accepted from it (24 bits), empty until its first verified tap
 */
public record Tag(String id, Optional<TagUid> uid, Optional<Gtin> gtin, Optional<StoreId> storeId, SdmKeySource keys,
                  OptionalInt lastCounter, Instant createdAt) {

    public Tag {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(gtin, "gtin");
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(lastCounter, "lastCounter");
        Objects.requireNonNull(createdAt, "createdAt");
        if (uid.isEmpty() && gtin.isEmpty()) {
            throw new IllegalArgumentException("tag " + id + " needs a uid or a gtin");
        }
        if (keys instanceof SdmKeySource.Batch && uid.isEmpty()) {
            throw new IllegalArgumentException("tag " + id + " takes batch keys and so needs a uid");
        }
    }

    /** The batch its keys come from, if they do. */
    public Optional<String> batchId() {
        return keys instanceof SdmKeySource.Batch batch ? Optional.of(batch.batchId()) : Optional.empty();
    }
}
