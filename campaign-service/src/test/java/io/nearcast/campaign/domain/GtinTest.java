package io.nearcast.campaign.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** GTINs as GS1 writes them: published examples read, any wrong check digit is refused. */
class GtinTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "4006381333931,  04006381333931", // GTIN-13 (EAN-13)
        "5901234123457,  05901234123457", // GTIN-13
        "96385074,       00000096385074", // GTIN-8 (EAN-8)
        "036000291452,   00036000291452", // GTIN-12 (UPC-A)
        "10036000291459, 10036000291459", // GTIN-14 (a case of the UPC above)
        "00036000291452, 00036000291452"  // already in 14 digits
    })
    void readsValidGtinsAsFourteenDigits(String text, String fourteen) {
        assertThat(Gtin.normalise(text)).contains(fourteen);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"4006381333932", "4006381333930", "96385075", "036000291453", "10036000291458"})
    void refusesAWrongCheckDigit(String text) {
        assertThat(Gtin.normalise(text)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"0360002914", "03600029145", "400638133393100", "4006381333931 ", "400638133393a", "+4006381333931", "９６３８５０７４"})
    void refusesWhatIsNotEightTwelveThirteenOrFourteenDigits(String text) {
        assertThat(Gtin.normalise(text)).isEmpty();
    }

    @Test
    void everySingleDigitChangeIsNoticed() {
        String valid = "4006381333931";
        for (int position = 0; position < valid.length(); position++) {
            for (char digit = '0'; digit <= '9'; digit++) {
                if (digit == valid.charAt(position)) {
                    continue;
                }
                String changed = valid.substring(0, position) + digit + valid.substring(position + 1);
                assertThat(Gtin.normalise(changed)).as(changed).isEmpty();
            }
        }
    }

    @Test
    void theCheckDigitWeighsThreeFromTheRight() {
        assertThat(Gtin.checkDigit("0400638133393")).isEqualTo(1);
        assertThat(Gtin.checkDigit("0000000000000")).isZero();
        assertThat(Gtin.checkDigit("0000000000001")).isEqualTo(7); // 10 − 3
    }
}
