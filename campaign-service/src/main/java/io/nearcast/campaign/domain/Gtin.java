package io.nearcast.campaign.domain;

import java.util.Optional;

/**
 * GTIN-8, -12, -13 and -14 as GS1 writes them, normalised to 14 digits (leading zeros) after
 * checking the check digit (GS1 General Specifications §7.9: weights 3 and 1 from the right).
 */
public final class Gtin {

    private Gtin() {
    }

    /** The 14-digit form, or empty when the text is not a GTIN (length, digits, check digit). */
    public static Optional<String> normalise(String text) {
        if (text == null || !(text.length() == 8 || text.length() == 12 || text.length() == 13 || text.length() == 14)) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return Optional.empty();
            }
        }
        String padded = "0".repeat(14 - text.length()) + text;
        return checkDigit(padded.substring(0, 13)) == padded.charAt(13) - '0' ? Optional.of(padded) : Optional.empty();
    }

    /** The check digit of the first 13 digits of a GTIN-14. */
    static int checkDigit(String thirteen) {
        int sum = 0;
        for (int i = 0; i < thirteen.length(); i++) {
            int digit = thirteen.charAt(thirteen.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? digit * 3 : digit;
        }
        return (10 - sum % 10) % 10;
    }
}
