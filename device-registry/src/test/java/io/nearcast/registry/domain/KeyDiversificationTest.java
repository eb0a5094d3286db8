package io.nearcast.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * AN10922 AES-128 key diversification against the application note's published example
 * (Rev. 2.2, §2.2.1, table 2) and against a second, deliberately plain computation of the same
 * steps (CMAC subkeys by big-integer arithmetic, then AES-CBC with a zero IV over the 32-byte
 * block pair) for the inputs the example does not cover.
 */
class KeyDiversificationTest {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    // AN10922 table 2
    private static final byte[] MASTER = HEX.parseHex("00112233445566778899AABBCCDDEEFF");
    private static final String UID = "04782E21801D80";
    private static final String AID = "3042F5";
    private static final String SYSTEM_IDENTIFIER = "4E585020416275"; // "NXP Abu"
    private static final String K1 = "FBC9F75C9413C041DFEE452D3F0706D1";
    private static final String K2 = "F793EEB928278083BFDC8A5A7E0E0D25";

    @Test
    void reproducesTheApplicationNotesExample() {
        byte[] m = HEX.parseHex(UID + AID + SYSTEM_IDENTIFIER);
        assertThat(HEX.formatHex(m)).isEqualTo("04782E21801D803042F54E585020416275");

        byte[] key = KeyDiversification.an10922Aes128(MASTER, m);

        assertThat(HEX.formatHex(key)).isEqualTo("A8DD63A3B89D54B37CA802473FDA9175");
    }

    @Test
    void thePlainComputationAgreesWithTheApplicationNote() {
        // guards the reference below: its subkeys and result are the ones table 2 prints
        assertThat(HEX.formatHex(subkey(MASTER, 1))).isEqualTo(K1);
        assertThat(HEX.formatHex(subkey(MASTER, 2))).isEqualTo(K2);
        assertThat(HEX.formatHex(plainAn10922(MASTER, HEX.parseHex(UID + AID + SYSTEM_IDENTIFIER))))
                .isEqualTo("A8DD63A3B89D54B37CA802473FDA9175");
    }

    @Test
    void padsAShortInputToTwoBlocksAndUsesK2() {
        // a UID alone: 0x01 || UID is 8 bytes, padded with 0x80 00.. to 32, not to 16 as plain CMAC would
        byte[] uid = HEX.parseHex(UID);

        byte[] key = KeyDiversification.an10922Aes128(MASTER, uid);

        assertThat(key).isEqualTo(plainAn10922(MASTER, uid));
        // computed once, independently, with Python's `cryptography` (AES-ECB for K0, AES-CBC over the padded pair)
        assertThat(HEX.formatHex(key)).isEqualTo("4FD3364753B8142980E8203C75AD83BE");
    }

    @Test
    void takesK1WithoutPaddingWhenTheInputIsThirtyOneBytes() {
        byte[] m = HEX.parseHex(UID + AID + SYSTEM_IDENTIFIER + "000102030405060708090A0B0C0D");
        assertThat(m).hasSize(31);

        byte[] key = KeyDiversification.an10922Aes128(MASTER, m);

        assertThat(key).isEqualTo(plainAn10922(MASTER, m));
        // here AN10922 is exactly AES-CMAC(K, 0x01 || M): value from Python's `cryptography` CMAC
        assertThat(HEX.formatHex(key)).isEqualTo("B0928B45F90310458A175B28E77434E7");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 14, 15, 16, 24, 30, 31})
    void agreesWithThePlainComputationForEveryInputLengthClass(int length) {
        byte[] m = new byte[length];
        for (int i = 0; i < length; i++) {
            m[i] = (byte) (0xA0 + i);
        }

        assertThat(KeyDiversification.an10922Aes128(MASTER, m)).isEqualTo(plainAn10922(MASTER, m));
    }

    @Test
    void differentUidsGiveDifferentKeysAndTheArgumentsStayUntouched() {
        byte[] master = MASTER.clone();
        byte[] a = HEX.parseHex(UID + SYSTEM_IDENTIFIER);
        byte[] b = HEX.parseHex("04782E21801D81" + SYSTEM_IDENTIFIER);

        assertThat(KeyDiversification.an10922Aes128(master, a)).isNotEqualTo(KeyDiversification.an10922Aes128(master, b));
        assertThat(master).isEqualTo(MASTER);
        assertThat(HEX.formatHex(a)).isEqualTo(UID + SYSTEM_IDENTIFIER);
    }

    @Test
    void refusesAMasterKeyThatIsNotSixteenBytes() {
        assertThatThrownBy(() -> KeyDiversification.an10922Aes128(new byte[24], new byte[7]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an AES-128 master key has 16 bytes");
    }

    @Test
    void refusesAnEmptyOrOverlongInput() {
        assertThatThrownBy(() -> KeyDiversification.an10922Aes128(MASTER, new byte[0]))
                .hasMessage("AN10922 takes 1 to 31 bytes of diversification input, got 0");
        assertThatThrownBy(() -> KeyDiversification.an10922Aes128(MASTER, new byte[32]))
                .hasMessage("AN10922 takes 1 to 31 bytes of diversification input, got 32");
    }

    /** AN10922 written out step by step, the way the application note's table lists them. */
    private static byte[] plainAn10922(byte[] master, byte[] m) {
        byte[] d = new byte[32];
        d[0] = 0x01;
        System.arraycopy(m, 0, d, 1, m.length);
        byte[] subkey;
        if (m.length < 31) {
            d[1 + m.length] = (byte) 0x80;
            subkey = subkey(master, 2);
        } else {
            subkey = subkey(master, 1);
        }
        for (int i = 0; i < 16; i++) {
            d[16 + i] ^= subkey[i];
        }
        byte[] encrypted = aes("AES/CBC/NoPadding", master, d);
        return Arrays.copyOfRange(encrypted, 16, 32);
    }

    /** K1 (n = 1) or K2 (n = 2): AES_K(0) doubled n times in GF(2^128), as integers. */
    private static byte[] subkey(byte[] master, int n) {
        BigInteger value = new BigInteger(1, aes("AES/ECB/NoPadding", master, new byte[16]));
        BigInteger mask = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
        for (int i = 0; i < n; i++) {
            boolean carry = value.testBit(127);
            value = value.shiftLeft(1).and(mask);
            if (carry) {
                value = value.xor(BigInteger.valueOf(0x87));
            }
        }
        byte[] raw = value.toByteArray();
        byte[] block = new byte[16];
        int copy = Math.min(raw.length, 16);
        System.arraycopy(raw, raw.length - copy, block, 16 - copy, copy);
        return block;
    }

    private static byte[] aes(String transformation, byte[] key, byte[] data) {
        try {
            Cipher cipher = Cipher.getInstance(transformation);
            SecretKeySpec spec = new SecretKeySpec(key, "AES");
            if (transformation.contains("CBC")) {
                cipher.init(Cipher.ENCRYPT_MODE, spec, new IvParameterSpec(new byte[16]));
            } else {
                cipher.init(Cipher.ENCRYPT_MODE, spec);
            }
            return cipher.doFinal(data);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
