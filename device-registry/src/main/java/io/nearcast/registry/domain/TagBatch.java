package io.nearcast.registry.domain;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * The keys of a production run of NTAG 424 DNA tags. The SDM meta-read key decrypts the UID, so it
 * cannot be derived from the UID and is shared by the whole batch; each tag's SDM file-read key is
 * diversified from the batch's master key with NXP AN10922 (AES-128), input M = UID || system
 * identifier. Both keys are sealed with the server's master key.
 *
 * @param systemIdentifier upper-case hex, at most {@value #MAX_SYSTEM_IDENTIFIER_BYTES} bytes, so that M stays within 31 bytes
 */
public record TagBatch(String id, String name, Optional<StoreId> storeId, String sealedMetaReadKey, String sealedFileReadMasterKey,
                       Optional<String> systemIdentifier, Instant createdAt) {

    /** AN10922's 31-byte limit on M, less the 7-byte UID. */
    public static final int MAX_SYSTEM_IDENTIFIER_BYTES = KeyDiversification.MAX_INPUT_BYTES - TagUid.BYTES;

    public TagBatch {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(sealedMetaReadKey, "sealedMetaReadKey");
        Objects.requireNonNull(sealedFileReadMasterKey, "sealedFileReadMasterKey");
        Objects.requireNonNull(systemIdentifier, "systemIdentifier");
        Objects.requireNonNull(createdAt, "createdAt");
        systemIdentifier.ifPresent(hex -> {
            if (!hex.matches("([0-9A-F]{2}){1," + MAX_SYSTEM_IDENTIFIER_BYTES + "}")) {
                throw new IllegalArgumentException("batch " + id + ": system identifier is not 1-" + MAX_SYSTEM_IDENTIFIER_BYTES + " bytes of upper-case hex");
            }
        });
    }

    /** The {@link io.nearcast.kernel.domain.SecretBox} purpose of a batch's shared meta-read key. */
    public static String metaReadKeyPurpose(String batchId) {
        return "tag-batch-sdm-meta-read-key:" + batchId;
    }

    /** The {@link io.nearcast.kernel.domain.SecretBox} purpose of a batch's file-read master key. */
    public static String fileReadMasterKeyPurpose(String batchId) {
        return "tag-batch-sdm-file-read-master-key:" + batchId;
    }

    /** AN10922's diversification input for a tag of this batch: its UID, then the system identifier. */
    public byte[] diversificationInput(TagUid uid) {
        byte[] system = systemIdentifier.map(HexFormat.of()::parseHex).orElse(new byte[0]);
        byte[] input = new byte[TagUid.BYTES + system.length];
        System.arraycopy(uid.bytes(), 0, input, 0, TagUid.BYTES);
        System.arraycopy(system, 0, input, TagUid.BYTES, system.length);
        return input;
    }

    @Override
    public String toString() {
        return "TagBatch[id=" + id + ", name=" + name + ", storeId=" + storeId + ", sealedMetaReadKey=***, sealedFileReadMasterKey=***, systemIdentifier="
                + systemIdentifier + ", createdAt=" + createdAt + "]";
    }
}
