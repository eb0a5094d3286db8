package io.nearcast.kernel.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 key that encrypts secrets at rest (tag keys, device PSKs).
 *
 * <p>Immutable; never printed by {@link #toString()}. Its {@link #checkValue()} lets a store
 * detect that it is opened with another key than the one its secrets were sealed with, without
 * revealing anything about the key.
 */
public final class MasterKey {

    /** Key length in bytes (AES-256). */
    public static final int LENGTH = 32;

    private static final byte[] CHECK_LABEL = "nearcast master key check v1".getBytes(StandardCharsets.US_ASCII);

    private final byte[] key;

    private MasterKey(byte[] key) {
        this.key = key;
    }

    /** A new random key from a strong source. */
    public static MasterKey generate(SecureRandom random) {
        byte[] key = new byte[LENGTH];
        random.nextBytes(key);
        return new MasterKey(key);
    }

    /**
     * Reads a key written as standard base64 (surrounding white space ignored).
     *
     * @throws IllegalArgumentException naming the problem (not base64, wrong length) without echoing the text
     */
    public static MasterKey fromBase64(String text) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not valid base64");
        }
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("must decode to " + LENGTH + " bytes (AES-256), got " + bytes.length);
        }
        return new MasterKey(bytes);
    }

    public String toBase64() {
        return Base64.getEncoder().encodeToString(key);
    }

    /** A copy of the raw key bytes, for the cipher that seals secrets. */
    public byte[] bytes() {
        return key.clone();
    }

    /** HMAC-SHA256 of a fixed label under this key, base64: equal for equal keys, reveals nothing else. */
    public String checkValue() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().withoutPadding().encodeToString(mac.doFinal(CHECK_LABEL));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MasterKey that && MessageDigest.isEqual(key, that.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(checkValue().getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "MasterKey[***]";
    }
}
