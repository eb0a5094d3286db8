package io.nearcast.app.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nearcast.kernel.mqtt.MqttLink;
import io.nearcast.kernel.mqtt.MqttLinkException;
import io.nearcast.kernel.mqtt.MqttLinkSettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What Nearcast's MQTT link must do on every broker it supports; run on the embedded broker and on Mosquitto. */
@Timeout(60)
abstract class MqttLinkContract {

    /** Settings for a link that the broker under test accepts. */
    abstract MqttLinkSettings acceptedLink();

    /** Connection options for a plain Paho observer the broker accepts with subscribe rights on {@code #}. */
    abstract MqttConnectionOptions observerOptions();

    abstract String brokerUrl();

    @Test
    void publishesAtQosOneAndTheBrokerDelivers() throws Exception {
        String topic = "nearcast/v1/events/zones/test-" + UUID.randomUUID();
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        MqttClient observer = new MqttClient(brokerUrl(), "observer-" + UUID.randomUUID(), new MemoryPersistence());
        observer.connect(observerOptions());
        observer.subscribe(new MqttSubscription[] {new MqttSubscription(topic, 1)},
                new IMqttMessageListener[] {(t, message) -> received.add(new String(message.getPayload(), StandardCharsets.UTF_8))});
        MqttLink link = new MqttLink(acceptedLink());
        try {
            link.connect();
            link.publish(topic, "{\"n\":1}".getBytes(StandardCharsets.UTF_8), 1, false).get(10, TimeUnit.SECONDS);

            assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("{\"n\":1}");
            assertThat(link.check().isUp()).isTrue();
        } finally {
            link.close();
            observer.disconnect();
            observer.close();
        }
        assertThat(link.check().isUp()).isFalse();
    }

    @Test
    void explainsInOneLineWhenNoBrokerListens() {
        MqttLinkSettings nowhere = new MqttLinkSettings(URI.create("tcp://127.0.0.1:1"), "c-" + UUID.randomUUID(),
                Optional.empty(), Optional.empty(), Duration.ofSeconds(3), Duration.ofSeconds(1));

        assertThatThrownBy(() -> new MqttLink(nowhere).connect())
                .isInstanceOf(MqttLinkException.class)
                .hasMessage("cannot connect to tcp://127.0.0.1:1: connection refused (is a broker listening there?)");
    }
}
