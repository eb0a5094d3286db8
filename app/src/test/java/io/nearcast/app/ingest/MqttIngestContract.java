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
import org.junit.jupiter.api.extension.RegisterExtension;
import io.nearcast.app.api.LogCapture;

/**
 * The gateway's MQTT consumer on a real broker: every accepted sighting handed on exactly once,
 * repeats dropped and counted, garbage rejected to the device's rejects topic with a reason.
 */
@Timeout(60)
abstract class MqttIngestContract {

    private static final String IBEACON = "0201061AFF4C000215E2C56DB5DFFB48D2B060D0F5A71096E000010002C5";

    final String store = "s-" + UUID.randomUUID().toString().substring(0, 8);
    final String device = UUID.randomUUID().toString();
    final String shopper = UUID.randomUUID().toString();
    private final java.util.Set<String> locatable = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Queue<io.nearcast.gateway.domain.ingest.PositionFix> fixes = new ConcurrentLinkedQueue<>();
    private final Queue<NormalizedSighting> handedOn = new ConcurrentLinkedQueue<>();
    private final IngestCounters counters = new IngestCounters();
    private MqttIngest ingest;
    private MqttClient scanner;
    private volatile boolean deviceEnabled = true;

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    /** The payload limit the settings of every implementation use. */
    static final int MAX_PAYLOAD_BYTES = 8 * 1024;

    /** How the ingest connects (Nearcast's account on this broker). */
    abstract MqttIngestSettings settings(String shareGroup);

    /** How a scanner that may publish below its prefix and read its rejects connects. */
    abstract MqttConnectionOptions scannerOptions();

    abstract String brokerUrl();

    @BeforeEach
    void startIngestAndScanner() throws Exception {
        ScannerIngest scannerIngest = new ScannerIngest((s, d) -> store.equals(s) && device.equals(d) && deviceEnabled, new DeviceRateLimits(10_000, Duration.ofMillis(1)),
                new RecentMessages(Duration.ofMinutes(10), 100_000),
                new ReportCheck(Clock.systemUTC(), Duration.ofSeconds(30), Duration.ofHours(1), 500), TestBeacons.everyIBeaconIn(store), handedOn::addAll, counters);
        io.nearcast.gateway.domain.ingest.ShopperIngest shopperIngest = new io.nearcast.gateway.domain.ingest.ShopperIngest(shopper::equals,
                new DeviceRateLimits(10_000, Duration.ofMillis(1)), new RecentMessages(Duration.ofMinutes(10), 100_000),
                new ReportCheck(Clock.systemUTC(), Duration.ofSeconds(30), Duration.ofHours(1), 500),
                TestBeacons.everyIBeaconIn(store),
                locatable::contains, handedOn::addAll, fixes::add, counters);
        ingest = new MqttIngest(settings("test-" + UUID.randomUUID().toString().substring(0, 8)), scannerIngest, shopperIngest,
                JsonMapper.createDefault(), new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
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
        publishTo(topic(), payload);
    }

    private void publishTo(String topic, String payload) throws Exception {
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        for (int attempt = 0; ; attempt++) {
            try {
                scanner.publish(topic, message);
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
        assertThat(handedOn).allSatisfy(s -> assertThat(s.observer()).isEqualTo(new io.nearcast.gateway.domain.ingest.Observer.Scanner(device)));
        assertThat(counters.messages()).isEqualTo(n + 1);
    }

    @Test
    void rejectsGarbageToTheDevicesRejectsTopicWithAReason() throws Exception {
        BlockingQueue<String> rejects = subscribeToRejects();

        publish("this is not json");
        publish("{\"ts\":" + System.currentTimeMillis() + ",\"sightings\":[]}");
        publish("{\"ts\":" + System.currentTimeMillis() + ",\"sightings\":[{\"adv\":\"ZZ\",\"rssi\":-50}]}");

        java.util.List<String> received = awaitReasons(rejects, java.util.Set.of("payload-not-json", "sightings-missing", "adv-not-hex"));
        // two workers: rejects of different messages may arrive in any order (and, QoS 1 being at-least-once, more than once)
        assertThat(received).anySatisfy(r -> assertThat(r).contains("\"reason\":\"payload-not-json\""))
                .anySatisfy(r -> assertThat(r).contains("\"reason\":\"sightings-missing\""))
                .anySatisfy(r -> assertThat(r).contains("\"reason\":\"adv-not-hex\"").contains("sightings[0].adv"));
        assertThat(handedOn).isEmpty();
        assertThat(counters.rejectedByReason()).containsEntry("payload-not-json", 1L).containsEntry("sightings-missing", 1L)
                .containsEntry("adv-not-hex", 1L);
    }

    @Test
    void answersGarbageOfEveryKindWithAReasonAndKeepsConsuming() throws Exception {
        BlockingQueue<String> rejects = subscribeToRejects();
        long now = System.currentTimeMillis();
        java.util.Map<String, String> garbage = new java.util.LinkedHashMap<>();
        garbage.put("", "payload-not-json");
        garbage.put("{\"ts\":", "payload-not-json");
        garbage.put("null", "payload-schema");
        garbage.put("[{\"ts\":1}]", "payload-schema");
        garbage.put("{\"ts\":\"now\",\"sightings\":[]}", "payload-schema");
        garbage.put("{\"ts\":" + now + ",\"sightings\":{\"adv\":\"00\"}}", "payload-schema");
        garbage.put("{\"ts\":" + now + ",\"sightings\":[{\"adv\":12,\"rssi\":-50}]}", "payload-schema");
        garbage.put("{\"ts\":" + now + ",\"sightings\":[{\"adv\":\"" + IBEACON + "\",\"rssi\":9.5e99}]}", "payload-schema");
        garbage.put("{\"ts\":" + (now + 3_600_000) + ",\"sightings\":[{\"adv\":\"" + IBEACON + "\",\"rssi\":-50}]}", "ts-in-future");
        garbage.put("{\"ts\":" + now + ",\"sightings\":[{\"adv\":\"" + IBEACON + "\",\"rssi\":-50}], \"x\":\"" + "y".repeat(MAX_PAYLOAD_BYTES) + "\"}",
                "payload-too-large");
        garbage.put("\u0000\u00ff\ufffd binary", "payload-not-json");
        for (String payload : garbage.keySet()) {
            publish(payload);
        }
        java.util.List<String> received = awaitReasons(rejects, new java.util.HashSet<>(garbage.values()));
        for (String reason : new java.util.HashSet<>(garbage.values())) {
            assertThat(received).as(reason).anySatisfy(r -> assertThat(r).contains("\"reason\":\"" + reason + "\""));
        }
        assertThat(received).allSatisfy(r -> assertThat(r).contains("\"detail\":\"").contains("\"ts\":"));

        deviceEnabled = false; // a device disabled in the registry is refused at its next message
        publish(sighting(now, -41));
        awaitReasons(rejects, java.util.Set.of("unknown-device"));
        deviceEnabled = true;

        publish(sighting(now, -42));
        awaitTrue(() -> handedOn.size() == 1);
        assertThat(handedOn.peek().rssi()).as("the consumer is not stuck after garbage").isEqualTo(-42);
        assertThat(counters.messages()).isGreaterThanOrEqualTo(garbage.size() + 2);
        assertThat(logs.problems()).as("garbage is answered, not logged as a problem").isEmpty();
    }

    @Test
    void handsOnShopperSightingsAsTheShoppersConsentAllows() throws Exception {
        long now = System.currentTimeMillis();
        String beacon = "{\"kind\":\"ibeacon\",\"uuid\":\"e2c56db5-dffb-48d2-b060-d0f5a71096e0\",\"major\":1,\"minor\":2,\"rssi\":-66}";
        String withFix = "{\"ts\":" + now + ",\"beacons\":[" + beacon + "],\"location\":{\"lat\":52.52,\"lon\":13.405,\"accuracyMeters\":6}}";
        publishTo(shopperTopic(), withFix);
        awaitTrue(() -> handedOn.size() == 1);
        assertThat(handedOn.poll().observer()).isEqualTo(new io.nearcast.gateway.domain.ingest.Observer.AnonymousShopper());
        assertThat(fixes).as("no fix without location consent").isEmpty();

        locatable.add(shopper);
        publishTo(shopperTopic(), withFix.replace("\"ts\":" + now, "\"ts\":" + (now - 1)));
        awaitTrue(() -> handedOn.size() == 1 && fixes.size() == 1);
        assertThat(handedOn.poll().observer()).isEqualTo(new io.nearcast.gateway.domain.ingest.Observer.Shopper(shopper));
        assertThat(fixes.peek().shopperId()).isEqualTo(shopper);

        BlockingQueue<String> shopperRejects = subscribeTo("nearcast/v1/shoppers/" + shopper + "/rejects");
        publishTo(shopperTopic(), "{\"ts\":" + now + ",\"beacons\":\"none\"}");
        awaitReasons(shopperRejects, java.util.Set.of("payload-schema"));
        assertThat(counters.rejectedByReason()).containsEntry("payload-schema", 1L);
        assertThat(counters.fixesWithoutConsent()).isEqualTo(1);
        assertThat(logs.problems()).isEmpty();
    }

    private String shopperTopic() {
        return "nearcast/v1/shoppers/" + shopper + "/sightings";
    }

    /** Rejects as they come until every one of the reasons was among them (a reject may come twice: at-least-once). */
    private static java.util.List<String> awaitReasons(BlockingQueue<String> rejects, java.util.Set<String> reasons) throws InterruptedException {
        java.util.List<String> received = new java.util.ArrayList<>();
        java.util.Set<String> missing = new java.util.HashSet<>(reasons);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!missing.isEmpty()) {
            String reject = rejects.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertThat(reject).as("no reject with %s; got %s", missing, received).isNotNull();
            received.add(reject);
            missing.removeIf(reason -> reject.contains("\"reason\":\"" + reason + "\""));
        }
        return received;
    }

    private BlockingQueue<String> subscribeToRejects() throws Exception {
        return subscribeTo("nearcast/v1/devices/" + device + "/rejects");
    }

    private BlockingQueue<String> subscribeTo(String topic) throws Exception {
        BlockingQueue<String> rejects = new LinkedBlockingQueue<>();
        scanner.subscribe(new MqttSubscription[] {new MqttSubscription(topic, 1)},
                new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {
                    (t, m) -> rejects.add(new String(m.getPayload(), StandardCharsets.UTF_8))
                });
        return rejects;
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 30 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
