package io.nearcast.registry.domain;

import io.nearcast.kernel.domain.InvalidField;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A GS1 Global Trade Item Number, held as GTIN-14: a GTIN-8, -12 (UPC-A) or -13 (EAN) is padded
 * with leading zeros, which leaves its check digit valid (GS1 General Specifications §7.9).
 */
public record Gtin(String digits) {

    private static final Pattern FORMAT = Pattern.compile("[0-9]{14}");

    public Gtin {
        Objects.requireNonNull(digits, "digits");
        if (!FORMAT.matcher(digits).matches() || checkDigit(digits) != digits.charAt(13) - '0') {
            throw new IllegalArgumentException("not a GTIN-14 with a valid check digit: " + Names.printable(digits));
        }
    }

    /**
     * A GTIN as a client wrote it: 8, 12, 13 or 14 digits ending in a correct check digit.
     *
     * @param field where the text sits in the request, for the error
     * @throws InvalidField naming the field
     */
    public static Gtin parse(String field, String text) {
        String digits = text == null ? "" : text.strip();
        if (!digits.matches("[0-9]{8}|[0-9]{12,14}")) {
            throw new InvalidField(field, "must be a GTIN of 8, 12, 13 or 14 digits, got '" + Names.printable(digits) + "'");
        }
        String gtin14 = "0".repeat(14 - digits.length()) + digits;
        int expected = checkDigit(gtin14);
        if (expected != gtin14.charAt(13) - '0') {
            throw new InvalidField(field, "'" + digits + "' has a wrong check digit: it should end in " + expected);
        }
        return new Gtin(gtin14);
    }

    /**
     * The GS1 check digit of the first 13 digits: weights 3 and 1 alternate from the right, and the
     * check digit brings the weighted sum up to a multiple of ten.
     */
    static int checkDigit(String gtin14) {
        int sum = 0;
        for (int i = 12; i >= 0; i--) {
            int digit = gtin14.charAt(i) - '0';
            sum += (12 - i) % 2 == 0 ? 3 * digit : digit;
        }
        return (10 - sum % 10) % 10;
    }

    @Override
    public String toString() {
        return digits;
    }
}
