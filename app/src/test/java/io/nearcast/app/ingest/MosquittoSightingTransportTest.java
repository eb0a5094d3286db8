package io.nearcast.app.ingest;

import io.nearcast.gateway.domain.ingest.SightingSink;
import io.nearcast.testing.ExternalService;
import io.nearcast.testing.RequiresExternal;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;

/** Over the internal topic on the machine's real Mosquitto (anonymous access there). */
@RequiresExternal(ExternalService.MOSQUITTO)
class MosquittoSightingTransportTest extends SightingTransportContract {

    private MqttSightingTransport transport;

    @Override
    SightingSink transport(SightingSink receiver) throws Exception {
        transport = new MqttSightingTransport(ExternalService.MOSQUITTO.requireUrl(), Optional.empty(), Optional.empty(), receiver);
        return transport.sink;
    }

    @AfterEach
    void close() throws Exception {
        if (transport != null) {
            transport.close();
        }
    }
}
