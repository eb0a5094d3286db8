package io.nearcast.app.campaign;

import io.nearcast.app.ingest.MqttIngestSettings;
import io.nearcast.testing.ExternalService;
import io.nearcast.testing.RequiresExternal;
import java.util.Optional;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;

/** The context feed contract on the machine's real Mosquitto. */
@RequiresExternal(ExternalService.MOSQUITTO)
class MosquittoContextFeedTest extends ContextFeedContract {

    @Override
    String brokerUrl() {
        return ExternalService.MOSQUITTO.requireUrl();
    }

    @Override
    MqttConnectionOptions options() {
        return new MqttConnectionOptions();
    }

    @Override
    MqttIngestSettings login() {
        return login(brokerUrl(), Optional.empty(), Optional.empty());
    }
}
