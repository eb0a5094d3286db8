package io.nearcast.registry.domain;

import io.nearcast.kernel.domain.InvalidField;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The 7-byte UID of an NFC tag (NTAG 424 DNA and the other NTAG/MIFARE types with double-size
 * UIDs), as 14 upper-case hex digits: the form SUN messages mirror it in.
 */
public record TagUid(String hex) {

    /** UID length, bytes. */
    public static final int BYTES = 7;

    private static final Pattern FORMAT = Pattern.compile("[0-9A-F]{14}");

    public TagUid {
        Objects.requireNonNull(hex, "hex");
        if (!FORMAT.matcher(hex).matches()) {
            throw new IllegalArgumentException("not a 7-byte UID in upper-case hex: " + Names.printable(hex));
        }
    }

    /**
     * A UID as a client wrote it: 14 hex digits in either case, surrounding blanks ignored.
     *
     * @param field where the text sits in the request, for the error
     * @throws InvalidField naming the field
     */
    public static TagUid parse(String field, String text) {
        String digits = text == null ? "" : text.strip();
        if (!digits.matches("[0-9a-fA-F]{14}")) {
            throw new InvalidField(field, "must be 14 hex digits (a 7-byte NFC tag UID), got '" + Names.printable(digits) + "'");
        }
        return new TagUid(digits.toUpperCase(Locale.ROOT));
    }

    public byte[] bytes() {
        return HexFormat.of().parseHex(hex);
    }

    @Override
    public String toString() {
        return hex;
    }
}
