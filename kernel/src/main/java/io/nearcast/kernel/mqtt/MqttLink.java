package io.nearcast.kernel.mqtt;

import io.nearcast.kernel.domain.Health;
import io.nearcast.kernel.domain.HealthProbe;
import java.util.concurrent.CompletableFuture;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nearcast's own MQTT 5 connection to its broker (embedded or external), used to publish what
 * the services produce.
 *
 * <p>Thread-safe. {@link #connect()} blocks until the broker accepted the connection or the
 * connect timeout passed; afterwards Paho reconnects automatically. {@link #close()} stops
 * publishing, waits up to the drain timeout for in-flight QoS 1/2 publishes, then disconnects.
 */
public final class MqttLink implements HealthProbe, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttLink.class);

    private final MqttLinkSettings settings;
    private final MqttAsyncClient client;

    public MqttLink(MqttLinkSettings settings) throws MqttLinkException {
        this.settings = settings;
        try {
            this.client = new MqttAsyncClient(settings.serverUri().toString(), settings.clientId(), new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new MqttLinkException("invalid broker address " + settings.serverUri() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Connects and waits for the broker's answer.
     *
     * @throws MqttLinkException with a one-line reason (refused, unknown host, not authorised, timeout)
     */
    public void connect() throws MqttLinkException {
        try {
            IMqttToken token = client.connect(connectionOptions());
            token.waitForCompletion(settings.connectTimeout().toMillis());
            if (!client.isConnected()) {
                closeQuietly();
                throw new MqttLinkException("no answer from " + settings.serverUri() + " within " + settings.connectTimeout().toSeconds() + " s", null);
            }
            LOG.info("MQTT link connected to {} as {}", settings.serverUri(), settings.clientId());
        } catch (MqttException e) {
            closeQuietly();
            throw new MqttLinkException("cannot connect to " + settings.serverUri() + ": " + MqttFailures.describe(e), e);
        }
    }

    /**
     * Publishes one message.
     *
     * @param qos 0, 1 or 2
     * @return completes when the broker acknowledged it (QoS 1/2) or it was written (QoS 0)
     */
    public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        MqttMessage message = new MqttMessage(payload, qos, retained, null);
        try {
            client.publish(topic, message, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    done.complete(null);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    done.completeExceptionally(failure);
                }
            });
        } catch (MqttException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public String component() {
        return "mqtt";
    }

    @Override
    public Health check() {
        return isConnected()
                ? Health.up("connected to " + settings.serverUri())
                : Health.down("not connected to " + settings.serverUri());
    }

    /** Waits up to the drain timeout for in-flight publishes, then disconnects and releases the client. */
    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(settings.drainTimeout().toMillis()).waitForCompletion(settings.drainTimeout().toMillis() + 1000);
            }
        } catch (MqttException e) {
            LOG.warn("MQTT link did not disconnect cleanly: {}", MqttFailures.describe(e));
        } finally {
            closeQuietly();
        }
    }

    private MqttConnectionOptions connectionOptions() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 30);
        options.setConnectionTimeout((int) Math.max(1, settings.connectTimeout().toSeconds()));
        options.setKeepAliveInterval(30);
        settings.username().ifPresent(options::setUserName);
        settings.password().ifPresent(options::setPassword);
        return options;
    }

    private void closeQuietly() {
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("closing MQTT client: {}", e.getMessage());
        }
    }
}
