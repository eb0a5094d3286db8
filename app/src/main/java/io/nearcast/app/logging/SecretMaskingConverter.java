package io.nearcast.app.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code %msg} of every log line, with anything shaped like a Nearcast secret or tag
 * identifier masked: bearer tokens ({@code ncs_…}, {@code ncp_…}), 256-bit generated secrets
 * (device passwords, PSKs, admin token: 43 URL-safe base64 characters), AES-128 keys (32 hex
 * digits) and NFC tag UIDs (14 hex digits). A second line of defence: Nearcast's code does not
 * log these, nor shopper ids, in the first place (LogHygieneIT checks the whole test run).
 */
public final class SecretMaskingConverter extends MessageConverter {

    private record Mask(Pattern pattern, String replacement) {
    }

    private static final List<Mask> MASKS = List.of(
            new Mask(Pattern.compile("\\b(nc[sp]_)[A-Za-z0-9_-]{16,}"), "$1***"),
            new Mask(Pattern.compile("(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])"), "***"),
            new Mask(Pattern.compile("\\b[0-9A-Fa-f]{32}\\b"), "<key>"),
            new Mask(Pattern.compile("\\b[0-9A-Fa-f]{14}\\b"), "<uid>"));

    @Override
    public String convert(ILoggingEvent event) {
        return mask(super.convert(event));
    }

    /** The text with every secret-shaped part replaced. */
    public static String mask(String text) {
        String masked = text;
        for (Mask mask : MASKS) {
            masked = mask.pattern().matcher(masked).replaceAll(mask.replacement());
        }
        return masked;
    }
}
