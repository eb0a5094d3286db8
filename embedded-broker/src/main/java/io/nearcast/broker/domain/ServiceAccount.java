package io.nearcast.broker.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Nearcast's own account on the embedded broker: may publish and subscribe everywhere. Its
 * password is random per process and never leaves it, so only this JVM can use the account.
 */
public final class ServiceAccount implements MqttAuthenticator {

    /** The reserved user name of Nearcast's own clients. */
    public static final String USERNAME = "nearcast-service";

    private static final MqttPrincipal PRINCIPAL =
            new MqttPrincipal(USERNAME, MqttPrincipal.Role.SERVICE, List.of("#"), List.of("#"));

    private final byte[] password;

    private ServiceAccount(byte[] password) {
        this.password = password;
    }

    public static ServiceAccount random(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return new ServiceAccount(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).getBytes(StandardCharsets.US_ASCII));
    }

    /** The password for Nearcast's own MQTT clients in this process. */
    public byte[] password() {
        return password.clone();
    }

    @Override
    public Optional<MqttPrincipal> authenticate(MqttCredentials credentials) {
        boolean mine = credentials.username().filter(USERNAME::equals).isPresent();
        boolean correct = mine && credentials.password().filter(given -> MessageDigest.isEqual(given, password)).isPresent();
        return correct ? Optional.of(PRINCIPAL) : Optional.empty();
    }

    @Override
    public String toString() {
        return "ServiceAccount[" + USERNAME + "]";
    }
}
