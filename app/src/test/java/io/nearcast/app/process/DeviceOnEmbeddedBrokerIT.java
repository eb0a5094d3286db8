package io.nearcast.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.nearcast.testing.ExternalTool;
import io.nearcast.testing.RequiresTool;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar with its embedded broker: a device registered through the API connects with
 * its generated credentials and may use only its own topics; disabling and rotation take effect
 * on open sessions. Its PSK opens a DTLS session with libcoap's client, a wrong key does not.
 * A shopper app (user = shopper id, password = shopper token) likewise uses only its own topics,
 * and erasing the shopper disconnects it for good.
 */
@Timeout(180)
class DeviceOnEmbeddedBrokerIT {

    @TempDir
    Path dataDir;

    @Test
    @RequiresTool(ExternalTool.COAP_CLIENT)
    void aRegisteredDeviceUsesOnlyItsOwnTopicsAndItsPskOpensDtls() throws Exception {
        Map<String, String> env = ServerProcess.isolated(dataDir);
        env.put("NEARCAST_ADMIN_TOKEN", DeviceAccessCheck.ADMIN);
        try (ServerProcess server = ServerProcess.start(env)) {
            ServerProcess.Ports ports = server.awaitReady();
            DeviceAccessCheck check = new DeviceAccessCheck(ports.http(), "tcp://127.0.0.1:" + ports.mqtt());
            DeviceAccessCheck.Credentials device = check.createScanner();

            check.publishesOnlyBelowItsOwnPrefix(device, Optional.empty());
            check.subscribesOnlyToItsOwnRejects(device);
            check.getsARejectForGarbage(device);
            check.refusesWrongAndUnknownCredentials(device);
            assertThat(dtlsGet(ports.coaps(), device.pskIdentity(), device.pskKey())).contains(CONTENT);
            assertThat(dtlsGet(ports.coaps(), device.pskIdentity(), "not-the-key")).doesNotContain(CONTENT);

            check.disablingEndsSessionsAndRefuses(device);
            DeviceAccessCheck.Credentials rotated = check.rotationRetiresTheOldPassword(device);

            assertThat(dtlsGet(ports.coaps(), device.pskIdentity(), device.pskKey())).as("old PSK after rotation").doesNotContain(CONTENT);
            assertThat(dtlsGet(ports.coaps(), rotated.pskIdentity(), rotated.pskKey())).contains(CONTENT);
            assertThat(server.terminate()).isZero();
            assertThat(String.join("\n", server.outputLines()) + String.join("\n", server.errorLines()))
                    .as("no secret in the server's output").doesNotContain(device.password()).doesNotContain(device.pskKey())
                    .doesNotContain(rotated.password()).doesNotContain(rotated.pskKey());
        }
    }

    @Test
    void aShopperAppUsesOnlyItsOwnTopicsUntilTheShopperIsErased() throws Exception {
        Map<String, String> env = ServerProcess.isolated(dataDir);
        env.put("NEARCAST_ADMIN_TOKEN", DeviceAccessCheck.ADMIN);
        try (ServerProcess server = ServerProcess.start(env)) {
            ServerProcess.Ports ports = server.awaitReady();
            String broker = "tcp://127.0.0.1:" + ports.mqtt();
            DeviceAccessCheck check = new DeviceAccessCheck(ports.http(), broker);
            java.net.http.HttpResponse<String> registered = check.send("POST", "/api/v1/shoppers", null);
            String id = DeviceAccessCheck.field(registered.body(), "id");
            String token = DeviceAccessCheck.field(registered.body(), "token");
            String other = java.util.UUID.randomUUID().toString();

            try (DeviceAccessCheck.Client app = DeviceAccessCheck.Client.connect(broker, id, token)) {
                assertThat(app.subscribe("nearcast/v1/shoppers/" + id + "/offers")).isLessThan(0x80);
                assertThat(app.subscribe("nearcast/v1/shoppers/" + id + "/rejects")).isLessThan(0x80);
                assertThat(app.subscribe("nearcast/v1/shoppers/" + other + "/offers")).isEqualTo(0x87);
                assertThat(app.publish("nearcast/v1/shoppers/" + id + "/sightings", "{\"ts\":1,\"beacons\":[]}")).isLessThan(0x80);
                assertThat(app.publish("nearcast/v1/shoppers/" + other + "/sightings", "{}")).isIn(0x87, DeviceAccessCheck.Client.DISCONNECTED);
            }
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> DeviceAccessCheck.Client.connect(broker, id, token + "x"))
                    .isInstanceOf(org.eclipse.paho.mqttv5.common.MqttException.class);

            try (DeviceAccessCheck.Client app = DeviceAccessCheck.Client.connect(broker, id, token)) {
                java.net.http.HttpResponse<String> erased = check.send("DELETE", "/api/v1/shoppers/" + id, null);
                assertThat(erased.body()).contains("\"mqtt-account\":1");
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (app.isConnected() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(app.isConnected()).as("the erased shopper's app was disconnected").isFalse();
            }
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> DeviceAccessCheck.Client.connect(broker, id, token))
                    .isInstanceOf(org.eclipse.paho.mqttv5.common.MqttException.class);
            assertThat(server.terminate()).isZero();
            assertThat(String.join("\n", server.outputLines()) + String.join("\n", server.errorLines()))
                    .as("no shopper id or token in the server's output").doesNotContain(id).doesNotContain(token);
        }
    }

    /** libcoap's log line of a 2.05 Content response (at -v 6 it prints each message it receives). */
    private static final String CONTENT = "c:2.05";

    /** GET /.well-known/core over DTLS with this identity and key; the output holds the response only when the handshake succeeded. */
    private static String dtlsGet(int port, String identity, String key) throws Exception {
        ExternalTool.Result result = ExternalTool.COAP_CLIENT.run(
                "-m", "get", "-B", "4", "-v", "6", "-u", identity, "-k", key, "coaps://127.0.0.1:" + port + "/.well-known/core");
        return result.output();
    }
}
