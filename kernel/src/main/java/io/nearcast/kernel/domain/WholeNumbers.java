package io.nearcast.kernel.domain;

import java.math.BigDecimal;

/**
 * Whole numbers in parsed JSON: an integer, or a number without a fraction such as {@code 30.0}
 * (what JSON Schema calls an integer), read exactly (no rounding of large values). Shared by every
 * reader of JSON bodies, so the same mistake gets the same message everywhere.
 */
public final class WholeNumbers {

    private WholeNumbers() {
    }

    /**
     * @return the exact value, or {@code null} for {@code null}
     * @throws InvalidField on {@code field} for anything but a whole number
     */
    public static BigDecimal read(String field, Object json) {
        if (json == null) {
            return null;
        }
        if (!(json instanceof Number number)) {
            throw new InvalidField(field, "must be a whole number");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(number.toString());
        } catch (NumberFormatException e) {
            throw new InvalidField(field, "must be a whole number");
        }
        if (value.stripTrailingZeros().scale() > 0) {
            throw new InvalidField(field, "must be a whole number, got " + value.toPlainString());
        }
        return value;
    }
}
