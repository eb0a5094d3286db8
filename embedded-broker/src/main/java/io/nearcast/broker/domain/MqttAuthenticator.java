package io.nearcast.broker.domain;

import java.util.Optional;

/**
 * One source of MQTT identities (Nearcast's service account, devices of the registry, shopper
 * apps). Implementations must be thread-safe and fast: they run on the broker's connect path.
 */
public interface MqttAuthenticator {

    /**
     * @return the principal when these credentials belong to this source and are correct; empty
     *         otherwise (the broker then asks the next source, and refuses the client if none accepts)
     */
    Optional<MqttPrincipal> authenticate(MqttCredentials credentials);
}
