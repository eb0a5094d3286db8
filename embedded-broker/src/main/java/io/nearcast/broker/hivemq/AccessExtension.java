package io.nearcast.broker.hivemq;

import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.auth.PublishAuthorizer;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.SubscriptionAuthorizer;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerOutput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerOutput;
import com.hivemq.extension.sdk.api.client.parameter.ConnectionAttributeStore;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.connect.ConnectPacket;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.packets.subscribe.SubackReasonCode;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import io.nearcast.broker.domain.MqttAuthenticator;
import io.nearcast.broker.domain.MqttCredentials;
import io.nearcast.broker.domain.MqttPrincipal;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * The embedded broker's access control: every client must be accepted by one of Nearcast's
 * {@link MqttAuthenticator}s, and may then publish and subscribe only within its principal's
 * filters. Anonymous clients are refused.
 */
final class AccessExtension implements ExtensionMain {

    private final List<MqttAuthenticator> authenticators;
    private final BrokerCounters counters;
    private final ClientSessions sessions;

    AccessExtension(List<MqttAuthenticator> authenticators, BrokerCounters counters, ClientSessions sessions) {
        this.authenticators = List.copyOf(authenticators);
        this.counters = counters;
        this.sessions = sessions;
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        Services.securityRegistry().setAuthenticatorProvider(provider -> (SimpleAuthenticator) this::authenticate);
        Authorizer authorizer = new Authorizer();
        Services.securityRegistry().setAuthorizerProvider(provider -> authorizer);
        Services.eventRegistry().setClientLifecycleEventListener(provider -> sessions);
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
        // nothing to release: the providers go with the broker
    }

    private void authenticate(SimpleAuthInput input, SimpleAuthOutput output) {
        MqttCredentials credentials = credentials(input.getConnectPacket());
        Optional<MqttPrincipal> principal = authenticators.stream()
                .map(source -> source.authenticate(credentials))
                .flatMap(Optional::stream)
                .findFirst();
        if (principal.isEmpty()) {
            counters.refusedConnects.incrementAndGet();
            output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "bad user name or password");
            return;
        }
        ConnectionAttributeStore attributes = input.getConnectionInformation().getConnectionAttributeStore();
        attributes.putAsString(PrincipalCodec.ATTRIBUTE, PrincipalCodec.encode(principal.get()));
        sessions.connected(input.getClientInformation().getClientId(), principal.get().name(), attributes);
        output.authenticateSuccessfully();
    }

    private static MqttCredentials credentials(ConnectPacket connect) {
        Optional<byte[]> password = connect.getPassword().map(AccessExtension::bytes);
        return new MqttCredentials(connect.getClientId(), connect.getUserName(), password);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    private static Optional<MqttPrincipal> principalOf(ConnectionAttributeStore store) {
        return store.getAsString(PrincipalCodec.ATTRIBUTE).map(PrincipalCodec::decode);
    }

    /** Judges PUBLISH and SUBSCRIBE against the connection's principal. */
    private final class Authorizer implements PublishAuthorizer, SubscriptionAuthorizer {

        @Override
        public void authorizePublish(PublishAuthorizerInput input, PublishAuthorizerOutput output) {
            String topic = input.getPublishPacket().getTopic();
            boolean allowed = principalOf(input.getConnectionInformation().getConnectionAttributeStore())
                    .filter(principal -> principal.mayPublish(topic))
                    .isPresent();
            if (allowed) {
                output.authorizeSuccessfully();
            } else {
                counters.refusedPublishes.incrementAndGet();
                output.failAuthorization(AckReasonCode.NOT_AUTHORIZED, "not allowed to publish to this topic");
            }
        }

        @Override
        public void authorizeSubscribe(SubscriptionAuthorizerInput input, SubscriptionAuthorizerOutput output) {
            String filter = input.getSubscription().getTopicFilter();
            boolean allowed = principalOf(input.getConnectionInformation().getConnectionAttributeStore())
                    .filter(principal -> principal.maySubscribe(filter))
                    .isPresent();
            if (allowed) {
                output.authorizeSuccessfully();
            } else {
                counters.refusedSubscriptions.incrementAndGet();
                output.failAuthorization(SubackReasonCode.NOT_AUTHORIZED, "not allowed to subscribe to this filter");
            }
        }
    }
}
