package io.nearcast.app.api;

import io.nearcast.broker.domain.MqttPrincipal;
import io.nearcast.broker.hivemq.TestBroker;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/** A shopper app on the test broker with an account of its own that may publish its sightings. */
final class ShopperApp implements AutoCloseable {

    private final MqttClient client;
    private final String shopperId;

    ShopperApp(String shopperId) throws Exception {
        this.shopperId = shopperId;
        TestBroker broker = TestBroker.get();
        String user = "app-" + UUID.randomUUID();
        broker.addAccount(user, "pw", new MqttPrincipal(user, MqttPrincipal.Role.DEVICE,
                List.of("nearcast/v1/shoppers/" + shopperId + "/sightings"), List.of()));
        client = new MqttClient(broker.url(), user, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(user);
        options.setPassword("pw".getBytes(StandardCharsets.UTF_8));
        client.connect(options);
    }

    /** One report of the app at {@code ts} (epoch ms) with this beacon JSON. */
    void report(long ts, String beacon) throws Exception {
        MqttMessage message = new MqttMessage(("{\"ts\":" + ts + ",\"beacons\":[" + beacon + "]}").getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        client.publish("nearcast/v1/shoppers/" + shopperId + "/sightings", message);
    }

    /** Nine reports a second apart of an iBeacon (major 4, minor 2) heard at −60 dBm, sent at once. */
    void standNear(String beaconUuid) throws Exception {
        long now = System.currentTimeMillis();
        for (int i = 8; i >= 0; i--) {
            report(now - i * 1000L, "{\"kind\":\"ibeacon\",\"uuid\":\"" + beaconUuid + "\",\"major\":4,\"minor\":2,\"rssi\":-60}");
        }
    }

    @Override
    public void close() throws Exception {
        client.disconnect();
        client.close();
    }
}
