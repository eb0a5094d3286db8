package io.nearcast.kernel.domain;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The 8-byte rotating identifier of an Eddystone-EID beacon, and of a shopper app that broadcasts
 * one, computed as the Eddystone spec computes it (google/eddystone, eid-computation.md): a temporary key AES-128(identity key,
 * 11 × 0x00 ‖ 0xFF ‖ 0x00 0x00 ‖ top 16 bits of the time counter), then the leading 8 bytes of
 * AES-128(temporary key, 11 × 0x00 ‖ K ‖ time counter with its K lowest bits cleared). The time
 * counter of a shopper app is Unix time in seconds; a beacon counts from its own epoch. Pure and
 * thread-safe.
 */
public final class EphemeralId {

    /** Rotation exponents the spec allows: a new identifier every 2^K seconds. */
    public static final int MIN_EXPONENT = 0;
    public static final int MAX_EXPONENT = 15;
    public static final int BYTES = 8;

    private EphemeralId() {
    }

    /**
     * @param identityKey  16 bytes
     * @param exponent     K, 0..15
     * @param timeCounter  seconds, 0..2^32-1
     */
    public static byte[] compute(byte[] identityKey, int exponent, long timeCounter) {
        if (identityKey.length != 16) {
            throw new IllegalArgumentException("an identity key has 16 bytes");
        }
        if (exponent < MIN_EXPONENT || exponent > MAX_EXPONENT) {
            throw new IllegalArgumentException("the rotation exponent is 0..15");
        }
        if (timeCounter < 0 || timeCounter > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("the time counter is a 32-bit unsigned number of seconds");
        }
        byte[] keyInput = new byte[16];
        keyInput[11] = (byte) 0xFF;
        keyInput[14] = (byte) (timeCounter >>> 24);
        keyInput[15] = (byte) (timeCounter >>> 16);
        byte[] temporaryKey = aes(identityKey, keyInput);
        long quantised = (timeCounter >>> exponent) << exponent;
        byte[] eidInput = new byte[16];
        eidInput[11] = (byte) exponent;
        eidInput[12] = (byte) (quantised >>> 24);
        eidInput[13] = (byte) (quantised >>> 16);
        eidInput[14] = (byte) (quantised >>> 8);
        eidInput[15] = (byte) quantised;
        byte[] eid = Arrays.copyOf(aes(temporaryKey, eidInput), BYTES);
        Arrays.fill(temporaryKey, (byte) 0);
        return eid;
    }

    private static byte[] aes(byte[] key, byte[] block) {
        try {
            Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
            return cipher.doFinal(block);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is part of every Java runtime", e);
        }
    }
}
