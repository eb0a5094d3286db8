package io.nearcast.mqttconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nearcast.testing.ExternalTool;
import io.nearcast.testing.MosquittoProcess;
import io.nearcast.testing.RequiresTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example Mosquitto configuration and ACL ({@code mosquitto/nearcast.conf},
 * {@code mosquitto/nearcast.acl}) on a real Mosquitto 2: every client authenticates, devices and
 * shopper apps publish and read only their own topics, the service account sees everything.
 *
 * <p>A denied publish is proven twice: by the PUBACK reason code, and by a fence message the same
 * client publishes on an allowed topic after that PUBACK — once the fence has reached the
 * observer, the denied message, had the broker passed it on, would have arrived before it.
 */
@RequiresTool({ExternalTool.MOSQUITTO, ExternalTool.MOSQUITTO_PASSWD})
@Timeout(20)
class MosquittoAclTest {

    /** MQTT 5 reason codes (OASIS MQTT 5.0, 2.4). */
    private static final int SUCCESS = 0x00;
    private static final int GRANTED_QOS_1 = 0x01;
    private static final int NOT_AUTHORIZED = 0x87;
    /** Reason codes below this are successes, e.g. 0x10 "no matching subscribers". */
    private static final int FIRST_FAILURE = 0x80;

    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(5);

    private static final String NEARCAST = "nearcast";
    private static final String DEVICE = "dev-1";
    private static final String SHOPPER = "shopper-1";
    private static final Map<String, String> PASSWORDS = Map.of(
            NEARCAST, "service-secret",
            DEVICE, "device-secret",
            SHOPPER, "shopper-token");

    @TempDir
    static Path workDir;

    private static MosquittoProcess broker;

    @BeforeAll
    @Timeout(15)
    static void startBroker() throws Exception {
        Path conf = Path.of("mosquitto", "nearcast.conf").toAbsolutePath();
        Path acl = Path.of("mosquitto", "nearcast.acl").toAbsolutePath();
        assertThat(conf).as("example configuration (tests run in the module directory)").exists();
        assertThat(acl).as("example ACL").exists();
        Path brokerDir = Files.createDirectories(workDir.resolve("broker"));
        Path passwords = MosquittoProcess.writePasswordFile(brokerDir.resolve("passwd"), PASSWORDS);
        broker = MosquittoProcess.start(brokerDir, conf,
                Map.of("password_file", passwords.toString(), "acl_file", acl.toString()));
    }

    @AfterAll
    static void stopBroker() throws InterruptedException {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void shopperPublishesItsOwnSightingsAndNearcastReceivesThemThroughASharedSubscription() throws Exception {
        try (MqttTestClient nearcast = connect(NEARCAST);
             MqttTestClient shopper = connect(SHOPPER)) {
            assertThat(nearcast.subscribe("$share/nearcast/nearcast/v1/shoppers/+/sightings")).isEqualTo(GRANTED_QOS_1);
            String sighting = uniquePayload();

            assertThat(shopper.publish("nearcast/v1/shoppers/shopper-1/sightings", sighting)).isEqualTo(SUCCESS);

            assertThat(nearcast.awaitPayload(sighting, DELIVERY_TIMEOUT)).as(broker.log())
                    .hasValue(new MqttTestClient.Received("nearcast/v1/shoppers/shopper-1/sightings", sighting));
        }
    }

    @Test
    void shopperCannotPublishAnotherShoppersSightings() throws Exception {
        assertRefusedAndNotDelivered(SHOPPER, "nearcast/v1/shoppers/shopper-2/sightings", "nearcast/v1/shoppers/shopper-1/sightings");
    }

    @Test
    void devicePublishesSightingsBelowItsOwnPrefix() throws Exception {
        try (MqttTestClient nearcast = connect(NEARCAST);
             MqttTestClient device = connect(DEVICE)) {
            nearcast.subscribe("nearcast/v1/stores/+/devices/+/sightings");
            String batch = uniquePayload();

            assertThat(device.publish("nearcast/v1/stores/s1/devices/dev-1/sightings", batch)).isEqualTo(SUCCESS);

            assertThat(nearcast.awaitPayload(batch, DELIVERY_TIMEOUT)).as(broker.log()).isPresent();
        }
    }

    @Test
    void deviceCannotPublishBelowAnotherDevicesPrefix() throws Exception {
        assertRefusedAndNotDelivered(DEVICE, "nearcast/v1/stores/s1/devices/dev-2/sightings", "nearcast/v1/stores/s1/devices/dev-1/sightings");
    }

    @Test
    void deviceCannotPublishOutsideTheSightingsTopics() throws Exception {
        try (MqttTestClient device = connect(DEVICE)) {
            assertThat(device.publish("nearcast/v1/devices/dev-1/rejects", uniquePayload())).isEqualTo(NOT_AUTHORIZED);
            assertThat(device.publish("nearcast/v1/events/zones", uniquePayload())).isEqualTo(NOT_AUTHORIZED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"offers", "rejects"})
    void shopperReceivesOnlyItsOwnMessagesWhateverItSubscribes(String kind) throws Exception {
        try (MqttTestClient nearcast = connect(NEARCAST);
             MqttTestClient shopper = connect(SHOPPER)) {
            shopper.subscribe("nearcast/v1/shoppers/+/" + kind);
            String others = uniquePayload();
            String own = uniquePayload();

            assertThat(nearcast.publish("nearcast/v1/shoppers/shopper-2/" + kind, others)).isLessThan(FIRST_FAILURE);
            assertThat(nearcast.publish("nearcast/v1/shoppers/shopper-1/" + kind, own)).isLessThan(FIRST_FAILURE);

            assertThat(shopper.awaitPayload(own, DELIVERY_TIMEOUT)).as(broker.log()).isPresent();
            assertThat(shopper.hasReceived(others)).isFalse();
        }
    }

    @Test
    void deviceReceivesOnlyItsOwnRejects() throws Exception {
        try (MqttTestClient nearcast = connect(NEARCAST);
             MqttTestClient device = connect(DEVICE)) {
            device.subscribe("nearcast/v1/devices/+/rejects");
            String othersReject = uniquePayload();
            String ownReject = uniquePayload();

            assertThat(nearcast.publish("nearcast/v1/devices/dev-2/rejects", othersReject)).isLessThan(FIRST_FAILURE);
            assertThat(nearcast.publish("nearcast/v1/devices/dev-1/rejects", ownReject)).isLessThan(FIRST_FAILURE);

            assertThat(device.awaitPayload(ownReject, DELIVERY_TIMEOUT)).as(broker.log()).isPresent();
            assertThat(device.hasReceived(othersReject)).isFalse();
        }
    }

    // Mosquitto 2.0 answers a missing and a wrong password alike with CONNACK 0x87 (not
    // authorised), not 0x86 (bad user name or password) as the embedded broker does.
    @Test
    void refusesAnonymousClients() {
        assertThatThrownBy(() -> MqttTestClient.connect(broker.uri(), null, null))
                .isInstanceOfSatisfying(MqttException.class,
                        refused -> assertThat(refused.getReasonCode()).isEqualTo(NOT_AUTHORIZED));
    }

    @Test
    void refusesAWrongPassword() {
        assertThatThrownBy(() -> MqttTestClient.connect(broker.uri(), SHOPPER, "not-the-token"))
                .isInstanceOfSatisfying(MqttException.class,
                        refused -> assertThat(refused.getReasonCode()).isEqualTo(NOT_AUTHORIZED));
    }

    private static MqttTestClient connect(String user) throws MqttException {
        return MqttTestClient.connect(broker.uri(), user, PASSWORDS.get(user));
    }

    /** A JSON payload no other test publishes, so each test recognises its own messages. */
    private static String uniquePayload() {
        return "{\"test\":\"" + UUID.randomUUID() + "\"}";
    }

    /**
     * A publish to {@code forbidden} is refused with 0x87 and never delivered. Non-delivery is
     * proven without sleeping: a fence message published afterwards to {@code allowed} arrives,
     * and the broker keeps one client's messages in order.
     */
    private void assertRefusedAndNotDelivered(String user, String forbidden, String allowed) throws Exception {
        try (MqttTestClient nearcast = connect(NEARCAST);
             MqttTestClient client = connect(user)) {
            nearcast.subscribe("nearcast/v1/#");
            String forged = uniquePayload();
            String fence = uniquePayload();

            int reason = client.publish(forbidden, forged);
            client.publish(allowed, fence);

            assertThat(reason).isEqualTo(NOT_AUTHORIZED);
            assertThat(nearcast.awaitPayload(fence, DELIVERY_TIMEOUT)).as(broker.log()).isPresent();
            assertThat(nearcast.hasReceived(forged)).isFalse();
        }
    }
}
