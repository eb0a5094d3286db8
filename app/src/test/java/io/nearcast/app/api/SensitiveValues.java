package io.nearcast.app.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every shopper id, token, tag UID and key that went over the API in this test run, written to
 * {@code target/sensitive-values.txt}; {@code LogHygieneIT} then proves none of them is in the
 * run's log ({@code target/test-run.log}).
 */
final class SensitiveValues {

    static final Path FILE = Path.of(System.getProperty("nearcast.sensitive.values", "target/sensitive-values.txt"));

    private static final Pattern SECRET_FIELD = Pattern.compile(
            "\"(token|uid|password|pskKey|metaReadKey|fileReadKey|fileReadMasterKey|identityKey)\":\"([^\"]{6,})\"");
    private static final Pattern ID_FIELD = Pattern.compile("\"(id|shopperId)\":\"([0-9a-f-]{36})\"");
    private static final Set<String> SEEN = new LinkedHashSet<>();

    static {
        try {
            Files.createDirectories(FILE.toAbsolutePath().getParent());
            Files.deleteIfExists(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SensitiveValues() {
    }

    /** Records the secrets in a request and its response; ids only for the shopper endpoints. */
    static synchronized void record(String path, String requestBody, String responseBody) {
        Set<String> values = new LinkedHashSet<>();
        for (String text : new String[] {requestBody, responseBody}) {
            if (text == null) {
                continue;
            }
            Matcher secret = SECRET_FIELD.matcher(text);
            while (secret.find()) {
                values.add(secret.group(2));
            }
            if (path.startsWith("/api/v1/shoppers")) {
                Matcher id = ID_FIELD.matcher(text);
                while (id.find()) {
                    values.add(id.group(2));
                }
            }
        }
        values.removeAll(SEEN);
        if (values.isEmpty()) {
            return;
        }
        SEEN.addAll(values);
        try {
            Files.write(FILE, values, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
