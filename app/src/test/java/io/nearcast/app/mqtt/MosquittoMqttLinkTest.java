package io.nearcast.app.mqtt;

import io.nearcast.kernel.mqtt.MqttLinkSettings;
import io.nearcast.testing.ExternalService;
import io.nearcast.testing.RequiresExternal;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;

/** The MQTT link contract on the machine's real Mosquitto. */
@RequiresExternal(ExternalService.MOSQUITTO)
class MosquittoMqttLinkTest extends MqttLinkContract {

    @Override
    MqttLinkSettings acceptedLink() {
        return new MqttLinkSettings(URI.create(brokerUrl()), "nearcast-" + UUID.randomUUID(), Optional.empty(), Optional.empty(),
                Duration.ofSeconds(10), Duration.ofSeconds(2));
    }

    @Override
    MqttConnectionOptions observerOptions() {
        return new MqttConnectionOptions();
    }

    @Override
    String brokerUrl() {
        return ExternalService.MOSQUITTO.requireUrl();
    }
}
