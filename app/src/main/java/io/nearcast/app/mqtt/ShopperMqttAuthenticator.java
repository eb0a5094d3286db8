package io.nearcast.app.mqtt;

import io.nearcast.broker.domain.MqttAuthenticator;
import io.nearcast.broker.domain.MqttCredentials;
import io.nearcast.broker.domain.MqttPrincipal;
import io.nearcast.kernel.domain.Topic;
import io.nearcast.privacy.domain.ShopperId;
import io.nearcast.privacy.domain.ShopperTokens;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Lets shopper apps onto the embedded broker (CONTRACT §3: user name = shopper id, password =
 * shopper token): an app may publish only its own sightings and subscribe only to its own offers
 * and rejects.
 * An erased shopper's token no longer matches.
 */
public final class ShopperMqttAuthenticator implements MqttAuthenticator {

    private final ShopperTokens tokens;

    public ShopperMqttAuthenticator(ShopperTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Optional<MqttPrincipal> authenticate(MqttCredentials credentials) {
        Optional<ShopperId> id = credentials.username().flatMap(ShopperId::parse);
        if (id.isEmpty() || credentials.password().isEmpty()) {
            return Optional.empty();
        }
        String token = new String(credentials.password().get(), StandardCharsets.UTF_8);
        return tokens.matches(id.get(), token) ? Optional.of(principal(id.get())) : Optional.empty();
    }

    static MqttPrincipal principal(ShopperId shopper) {
        return new MqttPrincipal(shopper.value(), MqttPrincipal.Role.SHOPPER,
                List.of(Topic.SHOPPER_SIGHTINGS.format(shopper.value())),
                List.of(Topic.SHOPPER_OFFERS.format(shopper.value()), Topic.SHOPPER_REJECTS.format(shopper.value())));
    }
}
