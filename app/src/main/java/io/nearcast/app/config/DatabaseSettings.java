package io.nearcast.app.config;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the database is and how to log in.
 *
 * @param url      JDBC URL, {@code jdbc:h2:…} or {@code jdbc:postgresql:…}
 * @param user     user name, if any
 * @param password password, if any; never printed
 */
public record DatabaseSettings(String url, Optional<String> user, Optional<String> password) {

    /** The database products Nearcast's migrations are written and tested for. */
    public enum Vendor { H2, POSTGRESQL }

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;]*");

    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    public Vendor vendor() {
        if (url.startsWith("jdbc:h2:")) {
            return Vendor.H2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return Vendor.POSTGRESQL;
        }
        throw new IllegalStateException("unsupported JDBC URL; SettingsParser admits only H2 and PostgreSQL");
    }

    /** The URL with any password parameter masked, safe for logs and error messages. */
    public String redactedUrl() {
        return PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + redactedUrl() + ", user=" + user.orElse("-") + ", password=" + (password.isPresent() ? "***" : "-") + "]";
    }
}
