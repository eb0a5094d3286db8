package io.nearcast.broker.hivemq;

import io.nearcast.broker.domain.MqttPrincipal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a principal into a connection's attribute store and reads it back, so each connection
 * carries its own permissions (no shared map to clean up, no mix-up on client-id takeover).
 * Lines: name, role, then {@code P <filter>} or {@code S <filter>}; topic filters hold no newline.
 */
final class PrincipalCodec {

    static final String ATTRIBUTE = "nearcast.principal";

    private PrincipalCodec() {
    }

    static String encode(MqttPrincipal principal) {
        StringBuilder text = new StringBuilder(principal.name()).append('\n').append(principal.role().name());
        principal.publishFilters().forEach(filter -> text.append("\nP ").append(filter));
        principal.subscribeFilters().forEach(filter -> text.append("\nS ").append(filter));
        return text.toString();
    }

    static MqttPrincipal decode(String text) {
        List<String> lines = Arrays.asList(text.split("\n", -1));
        List<String> publish = new ArrayList<>();
        List<String> subscribe = new ArrayList<>();
        for (String line : lines.subList(2, lines.size())) {
            (line.startsWith("P ") ? publish : subscribe).add(line.substring(2));
        }
        return new MqttPrincipal(lines.get(0), MqttPrincipal.Role.valueOf(lines.get(1)), publish, subscribe);
    }
}
