package io.nearcast.registry.domain;

import java.util.Objects;

/**
 * Where a tag's NTAG 424 DNA SDM (Secure Dynamic Messaging) keys come from: its own pair, sealed
 * with the master key; its {@link TagBatch}, which diversifies the file-read key per UID; or none
 * (a tag without SUN, e.g. a static product link).
 */
public sealed interface SdmKeySource {

    /** Wire name: {@code per-tag}, {@code batch} or {@code none}. */
    String kind();

    /**
     * The tag's own keys, each sealed for this tag and this key only (see the purpose methods).
     *
     * @param sealedMetaReadKey SDM meta-read key: decrypts the PICC data (UID and read counter)
     * @param sealedFileReadKey SDM file-read key: the SUN MAC (and encrypted file data) is made with keys derived from it
     */
    record PerTag(String sealedMetaReadKey, String sealedFileReadKey) implements SdmKeySource {

        public PerTag {
            Objects.requireNonNull(sealedMetaReadKey, "sealedMetaReadKey");
            Objects.requireNonNull(sealedFileReadKey, "sealedFileReadKey");
        }

        /** The {@link io.nearcast.kernel.domain.SecretBox} purpose of a tag's meta-read key. */
        public static String metaReadKeyPurpose(String tagId) {
            return "tag-sdm-meta-read-key:" + tagId;
        }

        /** The {@link io.nearcast.kernel.domain.SecretBox} purpose of a tag's file-read key. */
        public static String fileReadKeyPurpose(String tagId) {
            return "tag-sdm-file-read-key:" + tagId;
        }

        public String kind() {
            return "per-tag";
        }

        @Override
        public String toString() {
            return "PerTag[sealedMetaReadKey=***, sealedFileReadKey=***]";
        }
    }

    /** The keys of a {@link TagBatch}: its shared meta-read key and a file-read key diversified from the tag's UID. */
    record Batch(String batchId) implements SdmKeySource {

        public Batch {
            Objects.requireNonNull(batchId, "batchId");
        }

        public String kind() {
            return "batch";
        }
    }

    /** No SDM keys: the tag's taps cannot be verified. */
    record None() implements SdmKeySource {

        public String kind() {
            return "none";
        }
    }
}
