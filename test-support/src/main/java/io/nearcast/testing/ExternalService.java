package io.nearcast.testing;

import java.util.Optional;

/**
 * Real services that integration tests talk to. CI ({@code .ci/run}) sets every variable; on a
 * laptop without them the tests are skipped with a visible message.
 */
public enum ExternalService {
    POSTGRESQL("NEARCAST_IT_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test"),
    MOSQUITTO("NEARCAST_IT_MQTT_URL", "tcp://127.0.0.1:1883"),
    REDIS("NEARCAST_IT_REDIS_URL", "redis://127.0.0.1:6379");

    private final String variable;
    private final String example;

    ExternalService(String variable, String example) {
        this.variable = variable;
        this.example = example;
    }

    public String variable() {
        return variable;
    }

    public String example() {
        return example;
    }

    /** The service's address, when the environment names one. */
    public Optional<String> url() {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** The address; only call from a test that carries {@link RequiresExternal} for this service. */
    public String requireUrl() {
        return url().orElseThrow(() -> new IllegalStateException(variable + " is not set"));
    }
}
