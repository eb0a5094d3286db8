package io.nearcast.gateway.coap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nearcast.gateway.domain.PskDirectory;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class CoapListenerTest {

    private static final Map<String, String> KEYS = Map.of("scanner-1", "correct horse battery staple");
    private final PskDirectory directory = identity -> Optional.ofNullable(KEYS.get(identity)).map(key -> key.getBytes(StandardCharsets.UTF_8));
    private CoapListener listener;

    @BeforeEach
    void start() throws CoapStartException {
        listener = new CoapListener(new CoapListenerSettings("127.0.0.1", 0, 0, 4096, true), directory);
        listener.start();
    }

    @AfterEach
    void stop() {
        listener.close();
    }

    @Test
    void bindsTwoDistinctFreePortsWhenAskedForZero() {
        assertThat(listener.udpPort().getAsInt()).isPositive();
        assertThat(listener.dtlsPort()).isPositive().isNotEqualTo(listener.udpPort().getAsInt());
        assertThat(listener.check().isUp()).isTrue();
    }

    @Test
    void servesNoPlainCoapUnlessAskedTo() throws CoapStartException {
        CoapListener secureOnly = new CoapListener(new CoapListenerSettings("127.0.0.1", 0, 0, 4096, false), directory);
        try {
            secureOnly.start();
            assertThat(secureOnly.udpPort()).isEmpty();
            assertThat(secureOnly.dtlsPort()).isPositive();
            assertThat(secureOnly.check().isUp()).isTrue();
            assertThat(secureOnly.check().detail()).contains("plain off");
        } finally {
            secureOnly.close();
        }
    }

    @Test
    void answersDiscoveryOverPlainUdp() throws Exception {
        CoapClient client = new CoapClient("coap://127.0.0.1:" + listener.udpPort().getAsInt() + "/.well-known/core");
        try {
            client.setTimeout(5000L);
            CoapResponse response = client.get();
            assertThat(response).isNotNull();
            assertThat(response.getCode()).isEqualTo(CoAP.ResponseCode.CONTENT);
        } finally {
            client.shutdown();
        }
    }

    @Test
    void completesDtlsHandshakeWithTheDevicesPreSharedKey() throws Exception {
        CoapResponse response = getOverDtls("scanner-1", "correct horse battery staple");

        assertThat(response).isNotNull();
        assertThat(response.getCode()).isEqualTo(CoAP.ResponseCode.CONTENT);
    }

    @Test
    void refusesDtlsHandshakeWithAWrongKey() throws Exception {
        assertThat(getOverDtls("scanner-1", "wrong key")).isNull();
    }

    @Test
    void refusesDtlsHandshakeOfAnUnknownIdentity() throws Exception {
        assertThat(getOverDtls("intruder", "correct horse battery staple")).isNull();
    }

    @Test
    void reportsWhichPortCouldNotBeBound() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            CoapListener second = new CoapListener(new CoapListenerSettings("127.0.0.1", taken.getLocalPort(), 0, 4096, true), directory);

            assertThatThrownBy(second::start)
                    .isInstanceOf(CoapStartException.class)
                    .satisfies(e -> {
                        assertThat(((CoapStartException) e).dtls()).isFalse();
                        assertThat(((CoapStartException) e).port()).isEqualTo(taken.getLocalPort());
                    });
        }
    }

    /** A GET over DTLS; null when the handshake or request did not succeed within 3 s. */
    private CoapResponse getOverDtls(String identity, String key) throws Exception {
        Configuration configuration = Configuration.createStandardWithoutFile();
        configuration.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.CLIENT_ONLY);
        configuration.set(DtlsConfig.DTLS_RECOMMENDED_CIPHER_SUITES_ONLY, false);
        DtlsConnectorConfig dtls = DtlsConnectorConfig.builder(configuration)
                .setAdvancedPskStore(new AdvancedSinglePskStore(identity, key.getBytes(StandardCharsets.UTF_8)))
                .build();
        CoapEndpoint endpoint = new CoapEndpoint.Builder().setConnector(new DTLSConnector(dtls)).setConfiguration(configuration).build();
        CoapClient client = new CoapClient("coaps://127.0.0.1:" + listener.dtlsPort() + "/.well-known/core");
        try {
            client.setEndpoint(endpoint);
            client.setTimeout(3000L);
            return client.get();
        } finally {
            client.shutdown();
            endpoint.destroy();
        }
    }
}
