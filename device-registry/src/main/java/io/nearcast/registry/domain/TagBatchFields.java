package io.nearcast.registry.domain;

import java.util.Optional;

/**
 * A tag key batch as a client describes it, every field optional until checked by {@link TagBatches#create}.
 *
 * @param systemIdentifier hex, appended to each tag's UID to form AN10922's diversification input
 */
public record TagBatchFields(String name, String storeId, Sdm sdm, String systemIdentifier) {

    /** The batch's keys, hex AES-128; write-only. */
    public record Sdm(String metaReadKey, String fileReadMasterKey) {
        @Override
        public String toString() {
            return "Sdm[metaReadKey=***, fileReadMasterKey=***]";
        }
    }

    Optional<String> checkedSystemIdentifier() {
        if (systemIdentifier == null || systemIdentifier.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(SdmKeyText.hexBytes("systemIdentifier", systemIdentifier, TagBatch.MAX_SYSTEM_IDENTIFIER_BYTES));
    }

    @Override
    public String toString() {
        return "TagBatchFields[name=" + name + ", storeId=" + storeId + ", sdm=" + (sdm == null ? "none" : "***") + ", systemIdentifier=" + systemIdentifier + "]";
    }
}
