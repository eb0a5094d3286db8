package io.nearcast.kernel.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret of a bearer token (staff or shopper): 256 random bits behind a prefix, shown once.
 * Stored only as its SHA-256 (a fast hash is right here: the secret is random, not a password
 * someone chose).
 */
public final class BearerSecret {

    /** Prefix that lets secret scanners recognise a leaked Nearcast staff token. */
    public static final String STAFF_PREFIX = "ncs_";

    /** Prefix of a shopper app's token. */
    public static final String SHOPPER_PREFIX = "ncp_";

    private BearerSecret() {
    }

    public static String generate(String prefix, SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The hex SHA-256 of a presented token, the key under which its record is stored. */
    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Compares in time independent of where the texts differ. */
    public static boolean sameSecret(String presented, String expected) {
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
