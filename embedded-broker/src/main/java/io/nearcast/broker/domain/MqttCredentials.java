package io.nearcast.broker.domain;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * What a client presented in its CONNECT packet.
 *
 * @param clientId client identifier
 * @param username user name, if any
 * @param password password bytes, if any; never logged
 */
public record MqttCredentials(String clientId, Optional<String> username, Optional<byte[]> password) {

    public MqttCredentials {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(username, "username");
        password = password.map(bytes -> Arrays.copyOf(bytes, bytes.length));
    }

    @Override
    public String toString() {
        return "MqttCredentials[clientId=" + clientId + ", username=" + username.orElse("-") + ", password=***]";
    }
}
