package io.nearcast.registry.domain;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * NXP AN10922 ("Symmetric key diversifications") §2.2, AES-128: a card key derived from a master
 * key and a diversification input M (for NFC tags typically UID || system identifier), so that one
 * stored master key stands for a key per tag.
 *
 * <p>The diversified key is the AES-CMAC of {@code 0x01 || M}, with one difference from plain CMAC:
 * the CMAC input is always two blocks (32 bytes). When {@code 0x01 || M} is shorter, it is padded
 * with {@code 0x80 00 … 00} to 32 bytes and the last block is XORed with subkey K2; only a 31-byte
 * M fills both blocks and takes K1. (For M of 1–14 bytes this is not the CMAC of {@code 0x01 || M},
 * which would stay one block long.)
 *
 * <p>Pure and thread-safe; arguments are not modified.
 */
public final class KeyDiversification {

    /** AES-128 key and block size, bytes. */
    public static final int KEY_BYTES = 16;

    /** The longest diversification input AN10922 allows for AES-128, bytes. */
    public static final int MAX_INPUT_BYTES = 2 * KEY_BYTES - 1;

    /** AN10922's diversification constant for AES-128 keys. */
    private static final byte AES128_CONSTANT = 0x01;

    /** The CMAC subkey constant R_b for a 128-bit block (NIST SP 800-38B). */
    private static final int R_128 = 0x87;

    private KeyDiversification() {
    }

    /**
     * @param masterKey the AES-128 master key, 16 bytes
     * @param input     the diversification input M, 1 to {@value #MAX_INPUT_BYTES} bytes
     * @return the diversified AES-128 key, 16 bytes
     * @throws IllegalArgumentException for a key that is not 16 bytes or an input of the wrong length
     */
    public static byte[] an10922Aes128(byte[] masterKey, byte[] input) {
        if (masterKey == null || masterKey.length != KEY_BYTES) {
            throw new IllegalArgumentException("an AES-128 master key has 16 bytes");
        }
        if (input == null || input.length < 1 || input.length > MAX_INPUT_BYTES) {
            throw new IllegalArgumentException("AN10922 takes 1 to " + MAX_INPUT_BYTES + " bytes of diversification input, got "
                    + (input == null ? "none" : input.length));
        }
        Cipher aes = aesEcb(masterKey);
        byte[] k1 = doubled(encrypt(aes, new byte[KEY_BYTES]));
        byte[] k2 = doubled(k1);
        byte[] data = new byte[2 * KEY_BYTES];
        data[0] = AES128_CONSTANT;
        System.arraycopy(input, 0, data, 1, input.length);
        boolean padded = input.length < MAX_INPUT_BYTES;
        if (padded) {
            data[1 + input.length] = (byte) 0x80;
        }
        xorInto(data, KEY_BYTES, padded ? k2 : k1);
        byte[] first = encrypt(aes, Arrays.copyOfRange(data, 0, KEY_BYTES));
        byte[] second = Arrays.copyOfRange(data, KEY_BYTES, 2 * KEY_BYTES);
        xorInto(second, 0, first);
        byte[] key = encrypt(aes, second);
        Arrays.fill(data, (byte) 0);
        Arrays.fill(k1, (byte) 0);
        Arrays.fill(k2, (byte) 0);
        return key;
    }

    /** The block shifted left by one bit, with R_b folded in when the top bit fell out (CMAC subkey step). */
    private static byte[] doubled(byte[] block) {
        byte[] result = new byte[block.length];
        for (int i = 0; i < block.length; i++) {
            int next = i + 1 < block.length ? (block[i + 1] & 0xff) >>> 7 : 0;
            result[i] = (byte) ((block[i] << 1) | next);
        }
        if ((block[0] & 0x80) != 0) {
            result[block.length - 1] ^= (byte) R_128;
        }
        return result;
    }

    private static void xorInto(byte[] target, int offset, byte[] mask) {
        for (int i = 0; i < mask.length; i++) {
            target[offset + i] ^= mask[i];
        }
    }

    private static Cipher aesEcb(byte[] key) {
        try {
            Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is part of every Java runtime", e);
        }
    }

    private static byte[] encrypt(Cipher aes, byte[] block) {
        try {
            return aes.doFinal(block);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES on one whole block cannot fail", e);
        }
    }
}
