package io.nearcast.app.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import io.nearcast.gateway.domain.ingest.DeviceRateLimits;
import io.nearcast.gateway.domain.ingest.IngestCounters;
import io.nearcast.gateway.domain.ingest.NormalizedSighting;
import io.nearcast.gateway.domain.ingest.RecentMessages;
import io.nearcast.gateway.domain.ingest.ReportCheck;
import io.nearcast.gateway.domain.ingest.ScannerIngest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The gateway's MQTT consumer on a real broker: every accepted sighting handed on exactly once,
 * repeats dropped and counted, garbage rejected to the device's rejects topic with a reason.
 */
@Timeout(60)
abstract class MqttIngestContract {

    private static final String IBEACON = "0201061AFF4C000215E2C56DB5DFFB48D2B060D0F5A71096E000010002C5";

    final String store = "s-" + UUID.randomUUID().toString().substring(0, 8);
    final String device = UUID.randomUUID().toString();
    private final Queue<NormalizedSighting> handedOn = new ConcurrentLinkedQueue<>();
    private final IngestCounters counters = new IngestCounters();
    private MqttIngest ingest;
    private MqttClient scanner;

    /** How the ingest connects (Nearcast's account on this broker). */
    abstract MqttIngestSettings settings(String shareGroup);

    /** How a scanner that may publish below its prefix and read its rejects connects. */
    abstract MqttConnectionOptions scannerOptions();

    abstract String brokerUrl();

    @BeforeEach
    void startIngestAndScanner() throws Exception {
        ScannerIngest scannerIngest = new ScannerIngest((s, d) -> store.equals(s) && device.equals(d), new DeviceRateLimits(10_000, Duration.ofMillis(1)),
                new RecentMessages(Duration.ofMinutes(10), 100_000),
                new ReportCheck(Clock.systemUTC(), Duration.ofSeconds(30), Duration.ofHours(1), 500), handedOn::addAll, counters);
        ingest = new MqttIngest(settings("test-" + UUID.randomUUID().toString().substring(0, 8)), scannerIngest, JsonMapper.createDefault());
        ingest.start();
        scanner = new MqttClient(brokerUrl(), "scanner-" + UUID.randomUUID(), new MemoryPersistence());
        scanner.connect(scannerOptions());
    }

    @AfterEach
    void stop() throws Exception {
        if (scanner != null && scanner.isConnected()) {
            scanner.disconnect();
        }
        if (scanner != null) {
            scanner.close();
        }
        if (ingest != null) {
            ingest.close();
        }
    }

    private String topic() {
        return "nearcast/v1/stores/" + store + "/devices/" + device + "/sightings";
    }

    /** Publishes at QoS 1, waiting while the broker's in-flight window (Receive Maximum) is full. */
    private void publish(String payload) throws Exception {
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        for (int attempt = 0; ; attempt++) {
            try {
                scanner.publish(topic(), message);
                return;
            } catch (org.eclipse.paho.mqttv5.common.MqttException e) {
                if (e.getReasonCode() != org.eclipse.paho.mqttv5.client.MqttClientException.REASON_CODE_MAX_INFLIGHT || attempt > 1_000) {
                    throw e;
                }
                Thread.sleep(5);
            }
        }
    }

    private static String sighting(long ts, int rssi) {
        return "{\"ts\":" + ts + ",\"sightings\":[{\"adv\":\"" + IBEACON + "\",\"rssi\":" + rssi + "}]}";
    }

    @Test
    void handsOnEveryAcceptedSightingExactlyOnce() throws Exception {
        long now = System.currentTimeMillis();
        int n = 200;
        for (int i = 0; i < n; i++) {
            publish(sighting(now - i, -40 - (i % 50)));
        }
        publish(sighting(now, -40)); // the first message again: a repeat

        awaitTrue(() -> handedOn.size() == n && counters.duplicates() == 1);
        assertThat(handedOn).hasSize(n);
        assertThat(handedOn).allSatisfy(s -> assertThat(s.deviceId()).isEqualTo(device));
        assertThat(counters.messages()).isEqualTo(n + 1);
    }

    @Test
    void rejectsGarbageToTheDevicesRejectsTopicWithAReason() throws Exception {
        BlockingQueue<String> rejects = new LinkedBlockingQueue<>();
        scanner.subscribe(new MqttSubscription[] {new MqttSubscription("nearcast/v1/devices/" + device + "/rejects", 1)},
                new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {
                    (t, m) -> rejects.add(new String(m.getPayload(), StandardCharsets.UTF_8))
                });

        publish("this is not json");
        publish("{\"ts\":" + System.currentTimeMillis() + ",\"sightings\":[]}");
        publish("{\"ts\":" + System.currentTimeMillis() + ",\"sightings\":[{\"adv\":\"ZZ\",\"rssi\":-50}]}");

        java.util.List<String> received = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            received.add(rejects.poll(10, TimeUnit.SECONDS));
        }
        // two workers: rejects of different messages may arrive in any order
        assertThat(received).anySatisfy(r -> assertThat(r).contains("\"reason\":\"payload-not-json\""))
                .anySatisfy(r -> assertThat(r).contains("\"reason\":\"sightings-missing\""))
                .anySatisfy(r -> assertThat(r).contains("\"reason\":\"adv-not-hex\"").contains("sightings[0].adv"));
        assertThat(handedOn).isEmpty();
        assertThat(ingest.unreadable()).isEqualTo(1);
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 30 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
