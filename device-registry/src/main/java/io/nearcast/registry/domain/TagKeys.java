package io.nearcast.registry.domain;

import io.nearcast.kernel.domain.SecretBox;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SDM keys of registered tags in clear, for the touchpoint that verifies SUN messages
 * (NXP AN12196). Not an API for callers: it checks no rights, and whatever it returns must stay in
 * memory only. Keys of batch tags are diversified on every call (NXP AN10922, AES-128).
 *
 * <p>Thread-safe. Every call reads the repositories; a caller that needs speed caches.
 */
public final class TagKeys {

    private final TagRepository tags;
    private final TagBatchRepository batches;
    private final SecretBox box;

    public TagKeys(TagRepository tags, TagBatchRepository batches, SecretBox box) {
        this.tags = tags;
        this.batches = batches;
        this.box = box;
    }

    /** The registered tag with this UID. */
    public Optional<Tag> tagWithUid(TagUid uid) {
        return tags.findByUid(uid);
    }

    /**
     * The tag's SDM keys in clear: its own, or its batch's meta-read key and the file-read key
     * diversified from the batch's master key with M = UID || system identifier.
     *
     * @return empty for a tag registered without keys
     * @throws IllegalStateException when a sealed key does not open or the batch is gone (a damaged registry)
     */
    public Optional<SdmKeys> keysOf(Tag tag) {
        SdmKeySource source = tag.keys();
        if (source instanceof SdmKeySource.PerTag own) {
            return Optional.of(new SdmKeys(open(own.sealedMetaReadKey(), SdmKeySource.PerTag.metaReadKeyPurpose(tag.id())),
                    open(own.sealedFileReadKey(), SdmKeySource.PerTag.fileReadKeyPurpose(tag.id()))));
        }
        if (source instanceof SdmKeySource.Batch fromBatch) {
            TagBatch batch = batches.find(fromBatch.batchId())
                    .orElseThrow(() -> new IllegalStateException("tag " + tag.id() + " names batch " + fromBatch.batchId() + ", which does not exist"));
            return Optional.of(batchKeys(batch, tag.uid().orElseThrow()));
        }
        return Optional.empty();
    }

    /**
     * Every distinct SDM meta-read key of the registry: each batch's, then each tag's own, in
     * registration order, a key shared by several tags or batches listed once.
     */
    public List<MetaReadKeyCandidate> metaReadKeyCandidates() {
        Map<ByteBuffer, List<String>> tagsWithoutUidByKey = new LinkedHashMap<>();
        for (TagBatch batch : batches.all()) {
            distinct(tagsWithoutUidByKey, open(batch.sealedMetaReadKey(), TagBatch.metaReadKeyPurpose(batch.id())));
        }
        for (TagRepository.SealedMetaReadKey own : tags.perTagMetaReadKeys()) {
            List<String> withoutUid = distinct(tagsWithoutUidByKey, open(own.sealed(), SdmKeySource.PerTag.metaReadKeyPurpose(own.tagId())));
            if (own.uid().isEmpty()) {
                withoutUid.add(own.tagId());
            }
        }
        List<MetaReadKeyCandidate> candidates = new ArrayList<>();
        tagsWithoutUidByKey.forEach((key, withoutUid) -> {
            candidates.add(new MetaReadKeyCandidate(key.array(), withoutUid));
            Arrays.fill(key.array(), (byte) 0);
        });
        return candidates;
    }

    /**
     * The tag whose PICC data the candidate decrypted to this UID: the registered tag with the UID,
     * if its meta-read key is the candidate's; otherwise the one tag without a UID that has the
     * candidate's key as its own. Empty when there is none, or several such tags.
     */
    public Optional<Tag> identify(MetaReadKeyCandidate candidate, TagUid uid) {
        Optional<Tag> registered = tags.findByUid(uid);
        if (registered.isPresent()) {
            byte[] key = candidate.key();
            try {
                return registered.filter(tag -> keysOf(tag).map(keys -> keys.hasMetaReadKey(key)).orElse(false));
            } finally {
                Arrays.fill(key, (byte) 0);
            }
        }
        if (candidate.tagsWithoutUid().size() != 1) {
            return Optional.empty();
        }
        return tags.find(candidate.tagsWithoutUid().get(0));
    }

    /** The key's entry, added if new; a key already there is wiped, as only the first copy is kept. */
    private static List<String> distinct(Map<ByteBuffer, List<String>> tagsWithoutUidByKey, byte[] key) {
        ByteBuffer entry = ByteBuffer.wrap(key);
        List<String> existing = tagsWithoutUidByKey.get(entry);
        if (existing != null) {
            Arrays.fill(key, (byte) 0);
            return existing;
        }
        List<String> created = new ArrayList<>();
        tagsWithoutUidByKey.put(entry, created);
        return created;
    }

    private SdmKeys batchKeys(TagBatch batch, TagUid uid) {
        byte[] metaReadKey = open(batch.sealedMetaReadKey(), TagBatch.metaReadKeyPurpose(batch.id()));
        byte[] masterKey = open(batch.sealedFileReadMasterKey(), TagBatch.fileReadMasterKeyPurpose(batch.id()));
        byte[] fileReadKey = KeyDiversification.an10922Aes128(masterKey, batch.diversificationInput(uid));
        try {
            return new SdmKeys(metaReadKey, fileReadKey);
        } finally {
            Arrays.fill(metaReadKey, (byte) 0);
            Arrays.fill(masterKey, (byte) 0);
            Arrays.fill(fileReadKey, (byte) 0);
        }
    }

    private byte[] open(String sealed, String purpose) {
        try {
            return box.open(sealed, purpose);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("a sealed SDM key (" + purpose + ") does not open: " + e.getMessage(), e);
        }
    }
}
