package io.nearcast.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PasswordHashTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void matchesOnlyThePasswordItWasMadeFrom() {
        PasswordHash hash = PasswordHash.create("correct horse", 1_000, RANDOM);

        assertThat(hash.matches("correct horse".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(hash.matches("correct hors".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(hash.matches(new byte[0])).isFalse();
        assertThat(hash.matches(new byte[] {(byte) 0xff, (byte) 0xfe})).isFalse();
    }

    @Test
    void isSaltedSoTheSamePasswordHashesDifferently() {
        assertThat(PasswordHash.create("same", 1_000, RANDOM).encoded()).isNotEqualTo(PasswordHash.create("same", 1_000, RANDOM).encoded());
    }

    @Test
    void survivesItsEncodingAndKeepsTheWorkFactor() {
        PasswordHash hash = PasswordHash.create("pw", 2_345, RANDOM);
        PasswordHash parsed = PasswordHash.parse(hash.encoded());

        assertThat(parsed).isEqualTo(hash);
        assertThat(parsed.iterations()).isEqualTo(2_345);
        assertThat(parsed.matches("pw".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(hash.encoded()).startsWith("pbkdf2-sha256$2345$").doesNotContain("pw$");
    }

    @Test
    void verifiesAgainstThePublishedPbkdf2Vector() {
        // RFC 7914 §11, PBKDF2-HMAC-SHA256 with P="passwd", S="salt", c=1: the first 32 bytes of the output
        byte[] expected = HexFormat.of().parseHex("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc");
        PasswordHash reference = PasswordHash.parse("pbkdf2-sha256$1$" + Base64.getEncoder().encodeToString("salt".getBytes(StandardCharsets.US_ASCII))
                + "$" + Base64.getEncoder().encodeToString(expected));

        assertThat(reference.matches("passwd".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(reference.matches("passwe".getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void refusesTextThatIsNotAnEncodedHash() {
        assertThatThrownBy(() -> PasswordHash.parse("plaintext")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PasswordHash.parse("pbkdf2-sha256$0$AAAA$AAAA")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PasswordHash.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverShowsSaltOrHashInItsTextForm() {
        PasswordHash hash = PasswordHash.create("pw", 1_000, RANDOM);
        assertThat(hash.toString()).doesNotContain(hash.encoded().split("\\$")[2]);
    }
}
