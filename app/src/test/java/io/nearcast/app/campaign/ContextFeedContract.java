package io.nearcast.app.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import io.nearcast.app.ingest.MqttIngestSettings;
import io.nearcast.campaign.domain.ContextBoard;
import io.nearcast.campaign.domain.ContextReading;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The context feed on a real broker: a retained reading published before the feed subscribed
 * arrives at once, later readings replace it, an older one does not, and messages that are not
 * readings are counted by reason without touching the board. Run on the embedded broker and on
 * the machine's Mosquitto.
 */
@Timeout(30)
abstract class ContextFeedContract {

    private final ContextBoard board = new ContextBoard();
    private final String store = UUID.randomUUID().toString();
    private MqttContextFeed feed;
    private MqttClient publisher;

    abstract String brokerUrl();

    abstract MqttConnectionOptions options();

    /** The feed's own login on this broker. */
    abstract MqttIngestSettings login();

    @BeforeEach
    void aPublisher() throws Exception {
        publisher = new MqttClient(brokerUrl(), "context-publisher-" + UUID.randomUUID(), new MemoryPersistence());
        publisher.connect(options());
    }

    @AfterEach
    void closeAll() throws Exception {
        if (feed != null) {
            feed.close();
        }
        publish("", true); // clear the retained reading
        publisher.disconnect();
        publisher.close();
    }

    @Test
    void takesTheRetainedReadingAtOnceAndKeepsTheNewest() throws Exception {
        long now = System.currentTimeMillis();
        publish("{\"weather\":\"sunny\",\"temperatureC\":24.5,\"ts\":" + now + "}", true);
        feed = new MqttContextFeed(login(), board, JsonMapper.createDefault());
        feed.start();

        await(() -> board.current(store).isPresent());
        ContextReading first = board.current(store).orElseThrow();
        assertThat(first.weather()).isEqualTo("sunny");
        assertThat(first.temperatureC()).isEqualTo(24.5);

        publish("{\"weather\":\"rain\",\"temperatureC\":12,\"ts\":" + (now + 1000) + "}", false);
        await(() -> board.current(store).map(r -> r.weather().equals("rain")).orElse(false));
        publish("{\"weather\":\"snow\",\"temperatureC\":-2,\"ts\":" + (now - 60_000) + "}", false);
        await(() -> feed.accepted() == 3);
        assertThat(board.current(store).orElseThrow().weather()).as("an older reading does not move time back").isEqualTo("rain");
    }

    @Test
    void countsMessagesThatAreNotReadingsByReason() throws Exception {
        feed = new MqttContextFeed(login(), board, JsonMapper.createDefault());
        feed.start();

        publish("not json", false);
        publish("{\"weather\":\"Sunny!\",\"temperatureC\":20}", false);
        publish("{\"weather\":\"sunny\",\"temperatureC\":99}", false);
        publish("{\"weather\":\"sunny\",\"temperatureC\":20,\"pad\":\"" + "x".repeat(MqttContextFeed.MAX_PAYLOAD_BYTES) + "\"}", false);

        await(() -> feed.rejected("invalid-json") + feed.rejected("invalid-field") + feed.rejected("payload-too-large") == 4);
        assertThat(feed.rejected("invalid-json")).isEqualTo(1);
        assertThat(feed.rejected("invalid-field")).isEqualTo(2);
        assertThat(feed.rejected("payload-too-large")).isEqualTo(1);
        assertThat(board.current(store)).isEmpty();
    }

    private void publish(String payload, boolean retained) throws Exception {
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        message.setRetained(retained);
        publisher.publish("nearcast/v1/context/" + store, message);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(10);
        }
    }

    static MqttIngestSettings login(String url, Optional<String> user, Optional<byte[]> password) {
        return new MqttIngestSettings(URI.create(url), user, password, "nearcast", 100, 1, 64 * 1024);
    }
}
