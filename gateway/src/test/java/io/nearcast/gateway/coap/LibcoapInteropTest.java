package io.nearcast.gateway.coap;

import static org.assertj.core.api.Assertions.assertThat;

import io.nearcast.gateway.domain.PskDirectory;
import io.nearcast.testing.ExternalTool;
import io.nearcast.testing.RequiresTool;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The DTLS listener against a real, independent DTLS stack: libcoap's client built on OpenSSL. */
@Timeout(60)
@RequiresTool(ExternalTool.COAP_CLIENT)
class LibcoapInteropTest {

    private static final String IDENTITY = "scanner-7";
    private static final String KEY = "Zq8-printable-psk-7Hf2";
    private final PskDirectory directory = identity -> IDENTITY.equals(identity)
            ? Optional.of(KEY.getBytes(StandardCharsets.UTF_8)) : Optional.empty();
    private CoapListener listener;

    @BeforeEach
    void start() throws CoapStartException {
        listener = new CoapListener(new CoapListenerSettings("127.0.0.1", 0, 0, 4096, true), directory);
        listener.add(new CoapResource("ping") {
            @Override
            public void handleGET(CoapExchange exchange) {
                exchange.respond("pong");
            }
        });
        listener.start();
    }

    @AfterEach
    void stop() {
        listener.close();
    }

    @Test
    void libcoapClientCompletesThePskHandshakeAndGetsAnAnswer() throws Exception {
        ExternalTool.Result result = ExternalTool.COAP_CLIENT.run(
                "-m", "get", "-B", "5", "-u", IDENTITY, "-k", KEY, "coaps://127.0.0.1:" + listener.dtlsPort() + "/ping");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("pong");
    }

    @Test
    void libcoapClientWithAWrongKeyGetsNoAnswer() throws Exception {
        ExternalTool.Result result = ExternalTool.COAP_CLIENT.run(
                "-m", "get", "-B", "3", "-u", IDENTITY, "-k", "not-the-key", "coaps://127.0.0.1:" + listener.dtlsPort() + "/ping");

        assertThat(result.output()).doesNotContain("pong");
    }
}
