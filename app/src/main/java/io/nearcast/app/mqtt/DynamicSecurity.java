package io.nearcast.app.mqtt;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.nearcast.kernel.domain.Unavailable;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import io.nearcast.kernel.mqtt.MqttCallbackAdapter;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of Mosquitto's dynamic-security control API: commands are published as JSON to
 * {@code $CONTROL/dynamic-security/v1}, the plugin answers the sender on {@code .../response},
 * one result per command, matched here by correlation data. A dedicated MQTT connection (not
 * Nearcast's ingest link), reconnecting by itself. Thread-safe; {@link #execute} blocks the caller
 * (an HTTP request) for at most the timeout, never a Paho thread.
 */
public final class DynamicSecurity implements AutoCloseable {

    static final String COMMAND_TOPIC = "$CONTROL/dynamic-security/v1";
    static final String RESPONSE_TOPIC = COMMAND_TOPIC + "/response";

    private static final Logger LOG = LoggerFactory.getLogger(DynamicSecurity.class);

    private final MqttAsyncClient client;
    private final JsonMapper json;
    private final Duration timeout;
    private final Map<String, CompletableFuture<Result>> pending = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    /**
     * What the plugin answered to one command; {@code error} is empty on success, {@code clientRoles}
     * lists the roles of the client a {@code getClient} asked for.
     */
    public record Result(String command, Optional<String> error, List<String> clientRoles) {
        boolean failedWith(String text) {
            return error.filter(message -> message.contains(text)).isPresent();
        }
    }

    private DynamicSecurity(MqttAsyncClient client, JsonMapper json, Duration timeout) {
        this.client = client;
        this.json = json;
        this.timeout = timeout;
    }

    /**
     * Connects and subscribes to the responses.
     *
     * @throws Unavailable when the broker cannot be reached or refuses the account or the subscription
     */
    public static DynamicSecurity connect(URI broker, String username, byte[] password, JsonMapper json, Duration timeout) {
        try {
            MqttAsyncClient client = new MqttAsyncClient(broker.toString(), "nearcast-dynsec-" + UUID.randomUUID(), new MemoryPersistence());
            DynamicSecurity dynsec = new DynamicSecurity(client, json, timeout);
            client.setCallback(dynsec.new Callback());
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setUserName(username);
            options.setPassword(password);
            options.setCleanStart(true);
            options.setAutomaticReconnect(true);
            options.setConnectionTimeout((int) Math.max(1, timeout.toSeconds()));
            client.connect(options).waitForCompletion(timeout.toMillis());
            dynsec.subscribe().waitForCompletion(timeout.toMillis());
            return dynsec;
        } catch (MqttException e) {
            throw new Unavailable("cannot use the broker's dynamic-security API at " + broker + ": " + e.getMessage(), e);
        }
    }

    /**
     * Sends the commands in one message and waits for every result.
     *
     * @return one result per command, in order
     * @throws Unavailable when the broker does not answer in time (not connected, plugin not
     *                     loaded, or the account lacks the plugin's admin role)
     */
    public List<Result> execute(List<DynsecCommand> commands) {
        List<DynsecCommand> correlated = new ArrayList<>();
        List<CompletableFuture<Result>> results = new ArrayList<>();
        for (DynsecCommand command : commands) {
            String id = "nc-" + sequence.incrementAndGet();
            CompletableFuture<Result> result = new CompletableFuture<>();
            pending.put(id, result);
            results.add(result);
            correlated.add(command.correlated(id));
        }
        try {
            MqttMessage message = new MqttMessage(json.writeValueAsBytes(new Commands(correlated)));
            message.setQos(1);
            client.publish(COMMAND_TOPIC, message);
            CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return results.stream().map(CompletableFuture::join).toList();
        } catch (TimeoutException | ExecutionException | MqttException | IOException e) {
            throw new Unavailable("the broker did not confirm " + commands + " within " + timeout.toMillis()
                    + " ms (is the dynamic-security plugin loaded, and is Nearcast's account in its admin role?)"
                    + (e instanceof TimeoutException ? "" : ": " + e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while waiting for the broker", e);
        } finally {
            correlated.forEach(command -> pending.remove(command.correlationData()));
        }
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(timeout.toMillis());
            }
            client.close();
        } catch (MqttException e) {
            LOG.warn("Closing the dynamic-security connection failed: {}", e.getMessage());
        }
    }

    private IMqttToken subscribe() throws MqttException {
        return client.subscribe(RESPONSE_TOPIC, 1);
    }

    private void answered(byte[] payload) {
        try {
            Responses responses = json.readValue(payload, Responses.class);
            for (Response response : responses.responses() == null ? List.<Response>of() : responses.responses()) {
                CompletableFuture<Result> waiting = response.correlationData() == null ? null : pending.get(response.correlationData());
                if (waiting != null) {
                    waiting.complete(new Result(response.command(), Optional.ofNullable(response.error()), response.clientRoles()));
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Unreadable dynamic-security response ({} bytes): {}", payload.length, e.getMessage());
        }
    }

    @Serdeable
    record Commands(List<DynsecCommand> commands) {
    }

    @Serdeable
    record Responses(@Nullable List<Response> responses) {
    }

    @Serdeable
    record Response(@Nullable String command, @Nullable String error, @Nullable String correlationData, @Nullable Data data) {
        List<String> clientRoles() {
            if (data == null || data.client() == null || data.client().roles() == null) {
                return List.of();
            }
            return data.client().roles().stream().map(DynsecCommand.RoleRef::rolename).toList();
        }
    }

    @Serdeable
    record Data(@Nullable ClientData client) {
    }

    @Serdeable
    record ClientData(@Nullable List<DynsecCommand.RoleRef> roles) {
    }

    /** Paho's callback: hands responses on without blocking; re-subscribes after a reconnect. */
    private final class Callback extends MqttCallbackAdapter {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            answered(message.getPayload());
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            if (reconnect) {
                try {
                    subscribe();
                } catch (MqttException e) {
                    LOG.warn("Re-subscribing to dynamic-security responses failed: {}", e.getMessage());
                }
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            LOG.warn("Dynamic-security connection lost: {}", response.getException() == null
                    ? response.getReasonString() : response.getException().toString());
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.warn("Dynamic-security connection error: {}", exception.getMessage());
        }
    }
}
