package io.nearcast.kernel.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class MasterKeyTest {

    @Test
    void roundTripsThroughBase64() {
        MasterKey key = MasterKey.generate(new SecureRandom());

        assertThat(MasterKey.fromBase64(" " + key.toBase64() + "\n")).isEqualTo(key);
    }

    @Test
    void rejectsTextThatIsNotBase64WithoutEchoingIt() {
        assertThatThrownBy(() -> MasterKey.fromBase64("not*base64!"))
                .hasMessage("not valid base64");
    }

    @Test
    void rejectsKeysOfTheWrongLength() {
        String sixteenBytes = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> MasterKey.fromBase64(sixteenBytes))
                .hasMessageContaining("32 bytes").hasMessageContaining("got 16");
    }

    @Test
    void checkValueDistinguishesKeysWithoutRevealingThem() {
        MasterKey one = MasterKey.generate(new SecureRandom());
        MasterKey other = MasterKey.generate(new SecureRandom());

        assertThat(one.checkValue()).isEqualTo(MasterKey.fromBase64(one.toBase64()).checkValue());
        assertThat(one.checkValue()).isNotEqualTo(other.checkValue()).doesNotContain(one.toBase64());
        assertThat(one.toString()).doesNotContain(one.toBase64());
    }
}
