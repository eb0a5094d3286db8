package io.nearcast.app.campaign;

import io.nearcast.app.ingest.MqttIngestSettings;
import io.nearcast.broker.domain.ServiceAccount;
import io.nearcast.broker.hivemq.TestBroker;
import java.util.Optional;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;

/** The context feed contract on the embedded HiveMQ broker with Nearcast's service account. */
class EmbeddedBrokerContextFeedTest extends ContextFeedContract {

    @Override
    String brokerUrl() {
        return TestBroker.get().url();
    }

    @Override
    MqttConnectionOptions options() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(ServiceAccount.USERNAME);
        options.setPassword(TestBroker.get().serviceAccount().password());
        return options;
    }

    @Override
    MqttIngestSettings login() {
        return login(brokerUrl(), Optional.of(ServiceAccount.USERNAME), Optional.of(TestBroker.get().serviceAccount().password()));
    }
}
