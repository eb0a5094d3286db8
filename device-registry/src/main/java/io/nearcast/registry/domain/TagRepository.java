package io.nearcast.registry.domain;

import io.nearcast.kernel.domain.Deletion;
import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Port: registered NFC tags; a UID is registered at most once across all stores. */
public interface TagRepository {

    /** @return false, and nothing is stored, when a tag with the same UID is registered */
    boolean insert(Tag tag);

    Optional<Tag> find(String id);

    Deletion delete(String id);

    Optional<Tag> findByUid(TagUid uid);

    /** Every tag, oldest first. */
    Page<Tag> list(PageRequest request);

    /** The tags of the given stores, oldest first; no store-less tags. */
    Page<Tag> listAmong(Collection<StoreId> storeIds, PageRequest request);

    /** The sealed meta-read key of every tag that has keys of its own, oldest tag first. */
    List<SealedMetaReadKey> perTagMetaReadKeys();

    /** A tag's own meta-read key, still sealed (purpose {@link SdmKeySource.PerTag#metaReadKeyPurpose}). */
    record SealedMetaReadKey(String tagId, Optional<TagUid> uid, String sealed) {

        public SealedMetaReadKey {
            Objects.requireNonNull(tagId, "tagId");
            Objects.requireNonNull(uid, "uid");
            Objects.requireNonNull(sealed, "sealed");
        }

        @Override
        public String toString() {
            return "SealedMetaReadKey[tagId=" + tagId + ", uid=" + uid + ", sealed=***]";
        }
    }
}
