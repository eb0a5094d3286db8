package io.nearcast.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nearcast.kernel.domain.InvalidField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** NFC tag UIDs: seven bytes, written in either case, kept in upper case. */
class TagUidTest {

    @Test
    void normalisesToUpperCase() {
        TagUid uid = TagUid.parse("uid", " 04782e21801d80 ");

        assertThat(uid.hex()).isEqualTo("04782E21801D80");
        assertThat(uid.bytes()).containsExactly(0x04, 0x78, 0x2E, 0x21, 0x80, 0x1D, 0x80);
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "04782E21801D", "04782E21801D8000", "04782E21801DZZ", "04:78:2E:21:80:1D:80"})
    void refusesAnythingButFourteenHexDigits(String text) {
        assertThatThrownBy(() -> TagUid.parse("uid", text))
                .isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.field()).isEqualTo("uid"))
                .hasMessageStartingWith("uid: must be 14 hex digits (a 7-byte NFC tag UID)");
    }

    @Test
    void refusesAMissingUid() {
        assertThatThrownBy(() -> TagUid.parse("uid", null)).hasMessage("uid: must be 14 hex digits (a 7-byte NFC tag UID), got ''");
    }
}
