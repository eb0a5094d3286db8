package io.nearcast.registry.domain;

import io.nearcast.kernel.domain.InvalidField;
import java.util.HexFormat;
import java.util.Locale;

/** AES-128 keys and other binary fields as clients write them, in hex; errors never quote a key. */
final class SdmKeyText {

    private static final int KEY_DIGITS = 2 * KeyDiversification.KEY_BYTES;

    private SdmKeyText() {
    }

    /**
     * An AES-128 key: exactly 32 hex digits, either case, surrounding blanks ignored.
     *
     * @throws InvalidField naming the field, its length and never its content
     */
    static byte[] aes128Key(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidField(field, "is required (" + KEY_DIGITS + " hex digits, an AES-128 key)");
        }
        String digits = text.strip();
        if (digits.length() != KEY_DIGITS) {
            throw new InvalidField(field, "must be " + KEY_DIGITS + " hex digits (an AES-128 key), got " + digits.length() + " characters");
        }
        if (!digits.matches("[0-9a-fA-F]+")) {
            throw new InvalidField(field, "must be " + KEY_DIGITS + " hex digits (an AES-128 key), got a character that is not a hex digit");
        }
        return HexFormat.of().parseHex(digits);
    }

    /**
     * Whole bytes in hex, 1 to {@code maxBytes} of them, normalised to upper case.
     *
     * @throws InvalidField naming the field
     */
    static String hexBytes(String field, String text, int maxBytes) {
        String digits = text.strip();
        if (!digits.matches("([0-9a-fA-F]{2}){1," + maxBytes + "}")) {
            throw new InvalidField(field, "must be 1 to " + maxBytes + " bytes in hex (an even number of hex digits, at most " + 2 * maxBytes
                    + "), got '" + Names.printable(digits) + "'");
        }
        return digits.toUpperCase(Locale.ROOT);
    }
}
