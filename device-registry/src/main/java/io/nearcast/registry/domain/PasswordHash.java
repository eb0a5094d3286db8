package io.nearcast.registry.domain;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A slow, salted password hash: PBKDF2 with HMAC-SHA-256, a 128-bit random salt and a 256-bit
 * output (parsed hashes may carry other salt lengths). Encoded as {@code pbkdf2-sha256$<iterations>$<base64 salt>$<base64 hash>}, so the work
 * factor can be raised later without invalidating stored hashes. Immutable and thread-safe.
 */
public final class PasswordHash {

    /** Iterations for new hashes (OWASP's 2023 floor for PBKDF2-HMAC-SHA256 is 600,000 for chosen passwords; see {@link #create}). */
    public static final int DEFAULT_ITERATIONS = 210_000;

    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final int MAX_ITERATIONS = 10_000_000;

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private PasswordHash(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /**
     * Hashes a new password. Nearcast only hashes passwords it generated itself (256 random bits),
     * so the iteration count guards against a leaked table, not against guessable passwords.
     */
    public static PasswordHash create(String password, int iterations, SecureRandom random) {
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be 1.." + MAX_ITERATIONS);
        }
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new PasswordHash(iterations, salt, derive(password.toCharArray(), salt, iterations));
    }

    /** @throws IllegalArgumentException when the text is not an encoded hash of this scheme */
    public static PasswordHash parse(String encoded) {
        String[] parts = encoded == null ? new String[0] : encoded.split("\\$", -1);
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            throw new IllegalArgumentException("not a " + SCHEME + " hash");
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] hash = Base64.getDecoder().decode(parts[3]);
            if (iterations < 1 || iterations > MAX_ITERATIONS || salt.length == 0 || salt.length > 64 || hash.length != HASH_BITS / 8) {
                throw new IllegalArgumentException("not a " + SCHEME + " hash");
            }
            return new PasswordHash(iterations, salt, hash);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a " + SCHEME + " hash");
        }
    }

    /** Whether the presented password bytes (UTF-8) hash to this value; compares in constant time. */
    public boolean matches(byte[] presented) {
        if (presented.length == 0) {
            return false;
        }
        CharBuffer decoded = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(presented));
        char[] password = Arrays.copyOf(decoded.array(), decoded.limit());
        Arrays.fill(decoded.array(), '\0');
        try {
            return MessageDigest.isEqual(derive(password, salt, iterations), hash);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    public int iterations() {
        return iterations;
    }

    public String encoded() {
        Base64.Encoder base64 = Base64.getEncoder();
        return SCHEME + "$" + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PasswordHash that && encoded().equals(that.encoded());
    }

    @Override
    public int hashCode() {
        return encoded().hashCode();
    }

    @Override
    public String toString() {
        return "PasswordHash[" + SCHEME + ", iterations=" + iterations + "]";
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java runtime", e);
        } finally {
            spec.clearPassword();
        }
    }
}
