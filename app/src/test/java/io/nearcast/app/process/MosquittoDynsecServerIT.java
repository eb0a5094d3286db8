package io.nearcast.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.nearcast.testing.ExternalTool;
import io.nearcast.testing.MosquittoProcess;
import io.nearcast.testing.RequiresTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar on a real Mosquitto 2 run from {@code mqtt-config/mosquitto/nearcast-dynsec.conf}
 * with a dynamic-security file made by {@code mosquitto_ctrl dynsec init}, as the configuration's
 * comments tell an operator: Nearcast creates each device's account there, and the broker lets the
 * device publish only its own topics and read only its own rejects; disabling and rotating through
 * the API take effect on the broker at once.
 */
@RequiresTool({ExternalTool.MOSQUITTO, ExternalTool.MOSQUITTO_CTRL})
@Timeout(180)
class MosquittoDynsecServerIT {

    private static final String SERVICE_USER = "nearcast";
    private static final String SERVICE_PASSWORD = "it-service-password";

    @TempDir
    Path workDir;

    @Test
    void devicesGetAccountsOfTheirOwnOnMosquitto() throws Exception {
        Path conf = Path.of("..", "mqtt-config", "mosquitto", "nearcast-dynsec.conf").toAbsolutePath().normalize();
        Path brokerDir = Files.createDirectories(workDir.resolve("broker"));
        Path dynsecFile = brokerDir.resolve("dynamic-security.json");
        ExternalTool.Result init = ExternalTool.MOSQUITTO_CTRL.run("dynsec", "init", dynsecFile.toString(), SERVICE_USER, SERVICE_PASSWORD);
        assertThat(init.exitCode()).as(init.output()).isZero();

        try (MosquittoProcess mosquitto = MosquittoProcess.start(brokerDir, conf, Map.of("plugin_opt_config_file", dynsecFile.toString()))) {
            Map<String, String> env = ServerProcess.isolated(Files.createDirectories(workDir.resolve("data")));
            env.put("NEARCAST_ADMIN_TOKEN", DeviceAccessCheck.ADMIN);
            env.put("NEARCAST_MQTT_URL", mosquitto.uri());
            env.put("NEARCAST_MQTT_USERNAME", SERVICE_USER);
            env.put("NEARCAST_MQTT_PASSWORD", SERVICE_PASSWORD);
            env.put("NEARCAST_MQTT_DYNSEC", "true");
            try (ServerProcess server = ServerProcess.start(env)) {
                ServerProcess.Ports ports = server.awaitReady();
                assertThat(ports.mqtt()).isEqualTo("external");
                BlockingQueue<String> observer = DeviceAccessCheck.observe(mosquitto.uri(), SERVICE_USER, SERVICE_PASSWORD, "nearcast/v1/stores/#");
                DeviceAccessCheck check = new DeviceAccessCheck(ports.http(), mosquitto.uri());
                DeviceAccessCheck.Credentials device = check.createScanner();

                check.publishesOnlyBelowItsOwnPrefix(device, Optional.of(observer));
                check.subscribesOnlyToItsOwnRejects(device);
                check.getsARejectForGarbage(device);
                check.refusesWrongAndUnknownCredentials(device);
                check.disablingEndsSessionsAndRefuses(device);
                DeviceAccessCheck.Credentials rotated = check.rotationRetiresTheOldPassword(device);

                String deviceUrl = "/api/v1/stores/" + device.storeId() + "/devices/" + device.id();
                assertThat(check.send("DELETE", deviceUrl, null).statusCode()).isEqualTo(204);
                check.refusesWrongAndUnknownCredentials(rotated);
                assertThat(Files.readString(dynsecFile)).as("Mosquitto's own file holds no clear password")
                        .doesNotContain(rotated.password()).doesNotContain(device.password());

                // a shopper app gets an account of its own on Mosquitto, and erasure removes it
                java.net.http.HttpResponse<String> registered = check.send("POST", "/api/v1/shoppers", null);
                assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
                String shopper = DeviceAccessCheck.field(registered.body(), "id");
                String token = DeviceAccessCheck.field(registered.body(), "token");
                String stranger = java.util.UUID.randomUUID().toString();
                try (DeviceAccessCheck.Client app = DeviceAccessCheck.Client.connect(mosquitto.uri(), shopper, token)) {
                    assertThat(app.subscribe("nearcast/v1/shoppers/" + shopper + "/offers")).isLessThan(0x80);
                    assertThat(app.subscribe("nearcast/v1/shoppers/" + shopper + "/rejects")).isLessThan(0x80);
                    assertThat(app.subscribe("nearcast/v1/shoppers/" + stranger + "/offers")).isEqualTo(0x87);
                    assertThat(app.publish("nearcast/v1/shoppers/" + shopper + "/sightings", "app-own-" + shopper)).isLessThan(0x80);
                    assertThat(app.publish("nearcast/v1/shoppers/" + stranger + "/sightings", "app-forged")).isEqualTo(0x87);
                    java.net.http.HttpResponse<String> erased = check.send("DELETE", "/api/v1/shoppers/" + shopper, null);
                    assertThat(erased.body()).contains("\"mqtt-account\":1");
                    long deadline = System.nanoTime() + 10_000_000_000L;
                    while (app.isConnected() && System.nanoTime() < deadline) {
                        Thread.sleep(20);
                    }
                    assertThat(app.isConnected()).as("Mosquitto disconnected the erased shopper's app").isFalse();
                }
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> DeviceAccessCheck.Client.connect(mosquitto.uri(), shopper, token))
                        .isInstanceOf(org.eclipse.paho.mqttv5.common.MqttException.class);
                assertThat(Files.readString(dynsecFile)).doesNotContain(shopper).doesNotContain(token);
                assertThat(server.terminate()).isZero();
            }
        }
    }
}
