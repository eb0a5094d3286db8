package io.nearcast.kernel.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Reference values computed independently from the text of google/eddystone's eid-computation.md
 * with Python's {@code cryptography} package (AES-128-ECB), identity key e2bc…1b15.
 */
class EphemeralIdTest {

    private static final byte[] KEY = HexFormat.of().parseHex("e2bc4b2bfd8a0ed3ad6f9d7b2e2a1b15");

    @ParameterizedTest(name = "t={0} K={1}")
    @CsvSource({
        "305419896,  10, 580d71a1ef49cee8",
        "1795440000, 10, 9ad6b00685868a05",
        "65280,       0, 9086b5fc787fbe37",
    })
    void matchesTheReferenceComputation(long time, int exponent, String eid) {
        assertThat(HexFormat.of().formatHex(EphemeralId.compute(KEY, exponent, time))).isEqualTo(eid);
    }

    @Test
    void staysTheSameWithinARotationPeriodAndChangesAfterIt() {
        long start = 1795440000L - (1795440000L % 1024);

        assertThat(EphemeralId.compute(KEY, 10, start)).isEqualTo(EphemeralId.compute(KEY, 10, start + 1023));
        assertThat(EphemeralId.compute(KEY, 10, start)).isNotEqualTo(EphemeralId.compute(KEY, 10, start + 1024));
    }

    @Test
    void refusesWhatTheSpecDoesNotAllow() {
        assertThatThrownBy(() -> EphemeralId.compute(new byte[15], 10, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EphemeralId.compute(KEY, 16, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EphemeralId.compute(KEY, 10, 1L << 32)).isInstanceOf(IllegalArgumentException.class);
    }
}
