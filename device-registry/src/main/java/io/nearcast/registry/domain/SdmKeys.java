package io.nearcast.registry.domain;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A tag's two NTAG 424 DNA SDM keys in clear, for verifying its SUN messages: the meta-read key
 * decrypts the PICC data (UID and read counter), the file-read key makes the SUN MAC. Copies go in
 * and out, so a caller may wipe what it holds; {@link #toString()} never shows a key.
 */
public final class SdmKeys {

    private final byte[] metaReadKey;
    private final byte[] fileReadKey;

    /** @throws IllegalArgumentException unless both keys are 16 bytes (AES-128) */
    public SdmKeys(byte[] metaReadKey, byte[] fileReadKey) {
        this.metaReadKey = aes128(metaReadKey, "meta-read key");
        this.fileReadKey = aes128(fileReadKey, "file-read key");
    }

    public byte[] metaReadKey() {
        return metaReadKey.clone();
    }

    public byte[] fileReadKey() {
        return fileReadKey.clone();
    }

    /** Whether the meta-read key is this one; compared in constant time. */
    public boolean hasMetaReadKey(byte[] key) {
        return MessageDigest.isEqual(metaReadKey, key);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SdmKeys keys && MessageDigest.isEqual(metaReadKey, keys.metaReadKey)
                && MessageDigest.isEqual(fileReadKey, keys.fileReadKey);
    }

    @Override
    public int hashCode() {
        // equal keys must hash alike; the hash of a secret is not published anywhere
        return 31 * Arrays.hashCode(metaReadKey) + Arrays.hashCode(fileReadKey);
    }

    @Override
    public String toString() {
        return "SdmKeys[metaReadKey=***, fileReadKey=***]";
    }

    private static byte[] aes128(byte[] key, String what) {
        if (key == null || key.length != KeyDiversification.KEY_BYTES) {
            throw new IllegalArgumentException("an SDM " + what + " is an AES-128 key of 16 bytes");
        }
        return key.clone();
    }
}
