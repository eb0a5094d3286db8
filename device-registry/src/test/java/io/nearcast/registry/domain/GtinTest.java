package io.nearcast.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nearcast.kernel.domain.InvalidField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GTINs from real packaging and GS1's own examples, normalised to 14 digits; a wrong check digit is named. */
class GtinTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "96385074,       00000096385074",   // GTIN-8 (EAN-8)
        "036000291452,   00036000291452",   // GTIN-12 (UPC-A)
        "4006381333931,  04006381333931",   // GTIN-13 (EAN-13)
        "5901234123457,  05901234123457",   // GTIN-13, GS1's example
        "09506000134352, 09506000134352",   // GTIN-14, GS1 Digital Link's example
    })
    void acceptsEachLengthAndPadsToFourteenDigits(String written, String gtin14) {
        assertThat(Gtin.parse("gtin", written).digits()).isEqualTo(gtin14);
    }

    @Test
    void ignoresSurroundingBlanks() {
        assertThat(Gtin.parse("gtin", " 4006381333931 ")).isEqualTo(new Gtin("04006381333931"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "4006381333932,  1",
        "036000291450,   2",
        "96385070,       4",
        "09506000134353, 2",
    })
    void refusesAWrongCheckDigitAndSaysWhichIsRight(String written, int right) {
        assertThatThrownBy(() -> Gtin.parse("gtin", written))
                .isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.field()).isEqualTo("gtin"))
                .hasMessage("gtin: '" + written + "' has a wrong check digit: it should end in " + right);
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(value = {"1234567", "123456789", "12345678901", "123456789012345", "40063813339x1", "''"}, emptyValue = "")
    void refusesOtherLengthsAndNonDigits(String written) {
        assertThatThrownBy(() -> Gtin.parse("gtin", written))
                .isInstanceOf(InvalidField.class)
                .hasMessageStartingWith("gtin: must be a GTIN of 8, 12, 13 or 14 digits");
    }

    @Test
    void theValueItselfInsistsOnFourteenDigitsWithTheirCheckDigit() {
        assertThatThrownBy(() -> new Gtin("4006381333931")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Gtin("04006381333932")).isInstanceOf(IllegalArgumentException.class);
    }
}
