package io.nearcast.broker.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MqttPrincipalTest {

    private final MqttPrincipal device = new MqttPrincipal("dev-1", MqttPrincipal.Role.DEVICE,
            List.of("nearcast/v1/stores/s1/devices/dev-1/#"), List.of("nearcast/v1/devices/dev-1/rejects"));

    @Test
    void devicePublishesOnlyBelowItsOwnPrefix() {
        assertThat(device.mayPublish("nearcast/v1/stores/s1/devices/dev-1/sightings")).isTrue();
        assertThat(device.mayPublish("nearcast/v1/stores/s1/devices/dev-2/sightings")).isFalse();
        assertThat(device.mayPublish("nearcast/v1/shoppers/x/offers")).isFalse();
    }

    @Test
    void deviceCannotWidenItsSubscriptionWithWildcardsOrSharing() {
        assertThat(device.maySubscribe("nearcast/v1/devices/dev-1/rejects")).isTrue();
        assertThat(device.maySubscribe("nearcast/v1/devices/+/rejects")).isFalse();
        assertThat(device.maySubscribe("$share/g/nearcast/v1/devices/+/rejects")).isFalse();
        assertThat(device.maySubscribe("#")).isFalse();
    }

    @Test
    void rejectsMalformedFiltersAtConstruction() {
        assertThatThrownBy(() -> new MqttPrincipal("x", MqttPrincipal.Role.DEVICE, List.of("a/#/b"), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a/#/b");
    }

    @Test
    void serviceAccountAcceptsOnlyItsOwnRandomPassword() {
        ServiceAccount account = ServiceAccount.random(new SecureRandom());
        MqttCredentials right = new MqttCredentials("c", Optional.of(ServiceAccount.USERNAME), Optional.of(account.password()));
        MqttCredentials wrong = new MqttCredentials("c", Optional.of(ServiceAccount.USERNAME), Optional.of("guess".getBytes(StandardCharsets.UTF_8)));
        MqttCredentials anonymous = new MqttCredentials("c", Optional.empty(), Optional.empty());

        assertThat(account.authenticate(right)).hasValueSatisfying(p -> assertThat(p.role()).isEqualTo(MqttPrincipal.Role.SERVICE));
        assertThat(account.authenticate(wrong)).isEmpty();
        assertThat(account.authenticate(anonymous)).isEmpty();
        assertThat(ServiceAccount.random(new SecureRandom()).authenticate(right)).isEmpty();
    }
}
