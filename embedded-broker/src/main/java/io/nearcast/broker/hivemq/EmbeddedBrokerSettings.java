package io.nearcast.broker.hivemq;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the embedded MQTT 5 broker runs.
 *
 * @param bindAddress     interface to listen on, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
 * @param port            TCP port; 0 picks a free one (see {@link EmbeddedBroker#port()})
 * @param workDir         folder for the broker's conf, data and extensions sub-folders
 * @param persistent      keep sessions and queued QoS 1/2 messages on disk across restarts
 * @param maxPacketBytes  largest MQTT packet accepted; larger ones are refused by the broker
 * @param maxQueuedPerClient messages queued for an offline persistent session before the oldest are discarded
 * @param maxSessionExpiry longest session expiry a client may ask for
 * @param startTimeout    how long start-up may take
 */
public record EmbeddedBrokerSettings(
        String bindAddress,
        int port,
        Path workDir,
        boolean persistent,
        int maxPacketBytes,
        int maxQueuedPerClient,
        Duration maxSessionExpiry,
        Duration startTimeout) {

    public EmbeddedBrokerSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(maxSessionExpiry, "maxSessionExpiry");
        Objects.requireNonNull(startTimeout, "startTimeout");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (maxPacketBytes < 1024) {
            throw new IllegalArgumentException("maxPacketBytes below 1 KiB: " + maxPacketBytes);
        }
    }

    /** Nearcast's defaults: 256 KiB packets, 1,000 queued messages per client, sessions kept up to 7 days. */
    public static EmbeddedBrokerSettings defaults(String bindAddress, int port, Path workDir, boolean persistent) {
        return new EmbeddedBrokerSettings(bindAddress, port, workDir, persistent, 256 * 1024, 1000, Duration.ofDays(7), Duration.ofSeconds(60));
    }
}
