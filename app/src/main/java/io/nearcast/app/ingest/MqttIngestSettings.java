package io.nearcast.app.ingest;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * How the gateway's MQTT consumer connects.
 *
 * @param shareGroup     MQTT 5 shared-subscription group: N gateway processes in one group split the load
 * @param receiveMaximum unacknowledged QoS 1 messages the broker may send at once (MQTT 5 flow
 *                       control): the gateway's queue holds exactly this many, so a busy gateway
 *                       withholds acks and the broker waits — back-pressure, never a drop
 * @param workers        threads that validate and hand on
 * @param maxPayloadBytes larger messages are rejected ({@code payload-too-large}) without parsing
 */
public record MqttIngestSettings(URI broker, Optional<String> username, Optional<byte[]> password, String shareGroup,
                                 int receiveMaximum, int workers, int maxPayloadBytes) {

    public MqttIngestSettings {
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(shareGroup, "shareGroup");
        if (receiveMaximum < 1 || receiveMaximum > 65_535 || workers < 1 || maxPayloadBytes < 1) {
            throw new IllegalArgumentException("receiveMaximum 1..65535, workers and maxPayloadBytes at least 1");
        }
    }

    @Override
    public String toString() {
        return "MqttIngestSettings[broker=" + broker + ", group=" + shareGroup + ", receiveMaximum=" + receiveMaximum + "]";
    }
}
