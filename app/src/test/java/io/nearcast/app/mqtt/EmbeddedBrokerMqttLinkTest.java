package io.nearcast.app.mqtt;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nearcast.broker.domain.MqttPrincipal;
import io.nearcast.broker.domain.ServiceAccount;
import io.nearcast.broker.hivemq.TestBroker;
import io.nearcast.kernel.mqtt.MqttLink;
import io.nearcast.kernel.mqtt.MqttLinkException;
import io.nearcast.kernel.mqtt.MqttLinkSettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.junit.jupiter.api.Test;

/** The MQTT link contract on the embedded HiveMQ broker, as Nearcast's service account. */
class EmbeddedBrokerMqttLinkTest extends MqttLinkContract {

    private final TestBroker broker = TestBroker.get();

    @Override
    MqttLinkSettings acceptedLink() {
        return new MqttLinkSettings(URI.create(broker.url()), "nearcast-" + UUID.randomUUID(), Optional.of(ServiceAccount.USERNAME),
                Optional.of(broker.serviceAccount().password()), Duration.ofSeconds(10), Duration.ofSeconds(2));
    }

    @Override
    MqttConnectionOptions observerOptions() {
        broker.addAccount("link-observer", "observer-secret", new MqttPrincipal("link-observer", MqttPrincipal.Role.SERVICE, List.of(), List.of("#")));
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName("link-observer");
        options.setPassword("observer-secret".getBytes(StandardCharsets.UTF_8));
        return options;
    }

    @Override
    String brokerUrl() {
        return broker.url();
    }

    @Test
    void explainsARefusedLoginInOneLine() {
        MqttLinkSettings wrong = new MqttLinkSettings(URI.create(broker.url()), "c-" + UUID.randomUUID(), Optional.of(ServiceAccount.USERNAME),
                Optional.of("guess".getBytes(StandardCharsets.UTF_8)), Duration.ofSeconds(5), Duration.ofSeconds(1));

        assertThatThrownBy(() -> new MqttLink(wrong).connect())
                .isInstanceOf(MqttLinkException.class)
                .hasMessageEndingWith(": bad user name or password");
    }
}
