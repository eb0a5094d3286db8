package io.nearcast.kernel.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private final SecureRandom random = new SecureRandom();
    private final SecretBox box = new SecretBox(MasterKey.generate(random), random);
    private final byte[] secret = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @Test
    void opensWhatItSealedAndNeverShowsThePlaintext() {
        String sealed = box.seal(secret, "beacon-eid:1");

        assertThat(sealed).startsWith("v1:").doesNotContain("0123456789abcdef");
        assertThat(box.open(sealed, "beacon-eid:1")).isEqualTo(secret);
    }

    @Test
    void sealsTheSameSecretDifferentlyEachTime() {
        assertThat(box.seal(secret, "p")).isNotEqualTo(box.seal(secret, "p"));
    }

    @Test
    void refusesAnotherPurposeAnotherKeyOrAnAlteredValue() {
        String sealed = box.seal(secret, "beacon-eid:1");
        SecretBox otherKey = new SecretBox(MasterKey.generate(random), random);
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;
        String altered = "v1:" + Base64.getEncoder().encodeToString(raw);

        assertThatThrownBy(() -> box.open(sealed, "beacon-eid:2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> otherKey.open(sealed, "beacon-eid:1")).hasMessageContaining("does not open");
        assertThatThrownBy(() -> box.open(altered, "beacon-eid:1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> box.open("v1:AAAA", "p")).hasMessage("not a sealed secret");
        assertThatThrownBy(() -> box.open("plain", "p")).hasMessage("not a sealed secret");
    }
}
