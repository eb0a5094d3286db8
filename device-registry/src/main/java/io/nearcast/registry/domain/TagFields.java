package io.nearcast.registry.domain;

import java.util.Optional;

/**
 * A tag as a client describes it, every field optional until checked by {@link Tags#create}.
 *
 * @param sdm     the tag's own SDM keys; or
 * @param batchId the batch its keys come from (then {@code uid} is required)
 */
public record TagFields(String uid, String gtin, String storeId, Sdm sdm, String batchId) {

    /** The tag's own SDM keys, hex AES-128; write-only. */
    public record Sdm(String metaReadKey, String fileReadKey) {
        @Override
        public String toString() {
            return "Sdm[metaReadKey=***, fileReadKey=***]";
        }
    }

    Optional<TagUid> checkedUid() {
        return blank(uid) ? Optional.empty() : Optional.of(TagUid.parse("uid", uid));
    }

    Optional<Gtin> checkedGtin() {
        return blank(gtin) ? Optional.empty() : Optional.of(Gtin.parse("gtin", gtin));
    }

    Optional<String> checkedBatchId() {
        return blank(batchId) ? Optional.empty() : Optional.of(batchId.strip());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    @Override
    public String toString() {
        return "TagFields[uid=" + uid + ", gtin=" + gtin + ", storeId=" + storeId + ", sdm=" + (sdm == null ? "none" : "***") + ", batchId=" + batchId + "]";
    }
}
