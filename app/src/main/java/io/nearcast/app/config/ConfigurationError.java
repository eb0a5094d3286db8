package io.nearcast.app.config;

import java.util.Objects;

/**
 * Start-up cannot go on because of one setting: it was malformed, or what it points to cannot be
 * used (port taken, database or broker unreachable). The message is one line naming the
 * variable and the problem, and never contains a secret.
 */
public final class ConfigurationError extends RuntimeException {

    private final Setting setting;

    public ConfigurationError(Setting setting, String problem) {
        this(setting, problem, null);
    }

    public ConfigurationError(Setting setting, String problem, Throwable cause) {
        super(setting.variable() + ": " + Objects.requireNonNull(problem, "problem"), cause);
        this.setting = setting;
    }

    public Setting setting() {
        return setting;
    }
}
