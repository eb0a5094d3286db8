package io.nearcast.sim.load;

import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;

/** Shutting a load generator's MQTT client down whatever state it is in. */
final class PahoClients {

    private static final long TIMEOUT_MS = 10_000;

    private PahoClients() {
    }

    /** Disconnects (waiting up to 10 s) and closes; failures only mean there is less to close. */
    static void closeQuietly(MqttAsyncClient client) {
        try {
            client.disconnect(TIMEOUT_MS).waitForCompletion(TIMEOUT_MS);
        } catch (MqttException e) {
            // closing anyway
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            // nothing left to do
        }
    }
}
