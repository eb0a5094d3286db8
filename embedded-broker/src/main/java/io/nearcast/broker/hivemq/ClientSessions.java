package io.nearcast.broker.hivemq;

import com.hivemq.extension.sdk.api.client.parameter.ConnectionAttributeStore;
import com.hivemq.extension.sdk.api.events.client.ClientLifecycleEventListener;
import com.hivemq.extension.sdk.api.events.client.parameters.AuthenticationSuccessfulInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ConnectionStartInput;
import com.hivemq.extension.sdk.api.events.client.parameters.DisconnectEventInput;
import com.hivemq.extension.sdk.api.packets.disconnect.DisconnectReasonCode;
import com.hivemq.extension.sdk.api.services.Services;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which principal each connected client authenticated as, so the sessions of one principal can
 * be ended when its access is revoked. Each connection carries a token of its own in its
 * attribute store; a disconnect removes only its own entry, so a client-id takeover (the new
 * connection registers before the old one's disconnect event) keeps the new entry.
 */
final class ClientSessions implements ClientLifecycleEventListener {

    private static final String ATTRIBUTE = "nearcast.session";

    /** client id → "principal name \n connection token" */
    private final Map<String, String> byClientId = new ConcurrentHashMap<>();

    void connected(String clientId, String principalName, ConnectionAttributeStore attributes) {
        String session = principalName + "\n" + UUID.randomUUID();
        attributes.putAsString(ATTRIBUTE, session);
        byClientId.put(clientId, session);
    }

    /**
     * Disconnects every client that authenticated as this principal (MQTT 5 reason 0x87 not
     * authorised); returns how many were asked to go.
     */
    int end(String principalName) {
        String prefix = principalName + "\n";
        List<String> clientIds = byClientId.entrySet().stream()
                .filter(entry -> entry.getValue().startsWith(prefix))
                .map(Map.Entry::getKey)
                .toList();
        for (String clientId : clientIds) {
            Services.clientService().disconnectClient(clientId, false, DisconnectReasonCode.NOT_AUTHORIZED, "credentials revoked");
        }
        return clientIds.size();
    }

    @Override
    public void onMqttConnectionStart(ConnectionStartInput input) {
        // tracked once authenticated
    }

    @Override
    public void onAuthenticationSuccessful(AuthenticationSuccessfulInput input) {
        // tracked by the authenticator, which knows the principal
    }

    @Override
    public void onDisconnect(DisconnectEventInput input) {
        String clientId = input.getClientInformation().getClientId();
        input.getConnectionInformation().getConnectionAttributeStore().getAsString(ATTRIBUTE)
                .ifPresent(session -> byClientId.remove(clientId, session));
    }
}
