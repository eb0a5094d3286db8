package io.nearcast.app.ingest;

import io.nearcast.testing.ExternalService;
import io.nearcast.testing.RequiresExternal;
import java.net.URI;
import java.util.Optional;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;

/** The ingest on the machine's real Mosquitto (anonymous access there). */
@RequiresExternal(ExternalService.MOSQUITTO)
class MosquittoMqttIngestTest extends MqttIngestContract {

    @Override
    MqttIngestSettings settings(String shareGroup) {
        return new MqttIngestSettings(URI.create(brokerUrl()), Optional.empty(), Optional.empty(), shareGroup, 64, 2, MAX_PAYLOAD_BYTES);
    }

    @Override
    MqttConnectionOptions scannerOptions() {
        return new MqttConnectionOptions();
    }

    @Override
    String brokerUrl() {
        return ExternalService.MOSQUITTO.requireUrl();
    }
}
