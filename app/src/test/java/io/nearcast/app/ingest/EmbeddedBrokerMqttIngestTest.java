package io.nearcast.app.ingest;

import io.nearcast.broker.domain.MqttPrincipal;
import io.nearcast.broker.domain.ServiceAccount;
import io.nearcast.broker.hivemq.TestBroker;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;

/** The ingest on the embedded HiveMQ broker, as Nearcast's service account; the scanner as a device principal. */
class EmbeddedBrokerMqttIngestTest extends MqttIngestContract {

    private final TestBroker broker = TestBroker.get();

    @Override
    MqttIngestSettings settings(String shareGroup) {
        return new MqttIngestSettings(URI.create(broker.url()), Optional.of(ServiceAccount.USERNAME), Optional.of(broker.serviceAccount().password()),
                shareGroup, 64, 2, MAX_PAYLOAD_BYTES);
    }

    @Override
    MqttConnectionOptions scannerOptions() {
        broker.addAccount("ingest-" + device, "scanner-secret", new MqttPrincipal("ingest-" + device, MqttPrincipal.Role.DEVICE,
                List.of("nearcast/v1/stores/" + store + "/devices/" + device + "/#", "nearcast/v1/shoppers/" + shopper + "/sightings"),
                List.of("nearcast/v1/devices/" + device + "/rejects", "nearcast/v1/shoppers/" + shopper + "/rejects")));
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName("ingest-" + device);
        options.setPassword("scanner-secret".getBytes(StandardCharsets.UTF_8));
        return options;
    }

    @Override
    String brokerUrl() {
        return broker.url();
    }
}
