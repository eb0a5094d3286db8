package io.nearcast.app.ingest;

import io.nearcast.broker.domain.ServiceAccount;
import io.nearcast.broker.hivemq.TestBroker;
import io.nearcast.gateway.domain.ingest.SightingSink;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;

/** Over the internal topic on the embedded broker, with Nearcast's service account. */
class EmbeddedBrokerSightingTransportTest extends SightingTransportContract {

    private MqttSightingTransport transport;

    @Override
    SightingSink transport(SightingSink receiver) throws Exception {
        TestBroker broker = TestBroker.get();
        transport = new MqttSightingTransport(broker.url(), Optional.of(ServiceAccount.USERNAME), Optional.of(broker.serviceAccount().password()), receiver);
        return transport.sink;
    }

    @AfterEach
    void close() throws Exception {
        if (transport != null) {
            transport.close();
        }
    }
}
