package io.nearcast.registry.domain;

import java.util.List;
import java.util.Objects;

/**
 * One distinct SDM meta-read key of the registry, to try on encrypted PICC data whose UID is not
 * known yet. Once a candidate has decrypted the data, {@link TagKeys#identify} names the tag.
 * {@link #toString()} never shows the key.
 */
public final class MetaReadKeyCandidate {

    private final byte[] key;
    private final List<String> tagsWithoutUid;

    /** @param tagsWithoutUid the tags registered without a UID that have this meta-read key of their own */
    public MetaReadKeyCandidate(byte[] key, List<String> tagsWithoutUid) {
        if (key == null || key.length != KeyDiversification.KEY_BYTES) {
            throw new IllegalArgumentException("a meta-read key is an AES-128 key of 16 bytes");
        }
        this.key = key.clone();
        this.tagsWithoutUid = List.copyOf(Objects.requireNonNull(tagsWithoutUid, "tagsWithoutUid"));
    }

    /** A copy of the key. */
    public byte[] key() {
        return key.clone();
    }

    public List<String> tagsWithoutUid() {
        return tagsWithoutUid;
    }

    @Override
    public String toString() {
        return "MetaReadKeyCandidate[key=***, tagsWithoutUid=" + tagsWithoutUid + "]";
    }
}
