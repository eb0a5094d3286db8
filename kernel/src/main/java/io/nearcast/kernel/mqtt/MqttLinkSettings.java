package io.nearcast.kernel.mqtt;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * How Nearcast's own MQTT client reaches its broker.
 *
 * @param serverUri     {@code tcp://host:port}, {@code ssl://…}, {@code ws://…} or {@code wss://…}
 * @param clientId      MQTT client identifier; unique among the broker's clients
 * @param username      user name, if the broker wants one
 * @param password      password bytes, if the broker wants one; never logged
 * @param connectTimeout how long to wait for the first CONNACK before giving up
 * @param drainTimeout  how long {@link MqttLink#close()} waits for in-flight publishes to complete
 */
public record MqttLinkSettings(
        URI serverUri,
        String clientId,
        Optional<String> username,
        Optional<byte[]> password,
        Duration connectTimeout,
        Duration drainTimeout) {

    public MqttLinkSettings {
        Objects.requireNonNull(serverUri, "serverUri");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(drainTimeout, "drainTimeout");
        password = password.map(bytes -> Arrays.copyOf(bytes, bytes.length));
        if (clientId.isBlank()) {
            throw new IllegalArgumentException("clientId must not be blank");
        }
    }

    @Override
    public String toString() {
        return "MqttLinkSettings[serverUri=" + serverUri + ", clientId=" + clientId
                + ", username=" + username.orElse("-") + ", password=" + (password.isPresent() ? "***" : "-") + "]";
    }
}
