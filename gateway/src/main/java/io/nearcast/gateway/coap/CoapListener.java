package io.nearcast.gateway.coap;

import io.nearcast.gateway.domain.PskDirectory;
import io.nearcast.kernel.domain.Health;
import io.nearcast.kernel.domain.HealthProbe;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.Resource;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.cipher.CipherSuite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nearcast's CoAP server (RFC 7252): a DTLS endpoint whose devices authenticate with pre-shared
 * keys from a {@link PskDirectory}, and, only when the settings ask for it, a plain UDP endpoint.
 *
 * <p>Resources are added before {@link #start()}. Thread-safe after start.
 */
public final class CoapListener implements HealthProbe, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CoapListener.class);

    /** PSK suites common DTLS stacks (libcoap with OpenSSL, tinydtls, mbedTLS) speak. */
    static final List<CipherSuite> PSK_CIPHER_SUITES = List.of(
            CipherSuite.TLS_PSK_WITH_AES_128_CCM_8,
            CipherSuite.TLS_PSK_WITH_AES_128_GCM_SHA256,
            CipherSuite.TLS_PSK_WITH_AES_128_CCM,
            CipherSuite.TLS_ECDHE_PSK_WITH_AES_128_CBC_SHA256,
            CipherSuite.TLS_PSK_WITH_AES_128_CBC_SHA256);

    static {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
    }

    private final CoapListenerSettings settings;
    private final Configuration configuration;
    private final CoapServer server;
    private final PskDirectory pskDirectory;
    private volatile CoapEndpoint udp;
    private volatile CoapEndpoint dtls;

    public CoapListener(CoapListenerSettings settings, PskDirectory pskDirectory) {
        this.settings = settings;
        this.pskDirectory = pskDirectory;
        this.configuration = configuration(settings);
        this.server = new CoapServer(configuration);
    }

    /** Adds a resource below the root; call before {@link #start()}. */
    public CoapListener add(Resource resource) {
        server.add(resource);
        return this;
    }

    /**
     * Binds both endpoints and starts serving.
     *
     * @throws CoapStartException naming the endpoint whose port could not be bound
     */
    public void start() throws CoapStartException {
        if (settings.plain()) {
            udp = new CoapEndpoint.Builder()
                    .setInetSocketAddress(new InetSocketAddress(settings.bindAddress(), settings.udpPort()))
                    .setConfiguration(configuration)
                    .build();
            server.addEndpoint(udp);
        }
        dtls = new CoapEndpoint.Builder()
                .setConnector(new DTLSConnector(dtlsConfig()))
                .setConfiguration(configuration)
                .build();
        server.addEndpoint(dtls);
        try {
            server.start();
        } catch (IllegalStateException e) {
            // thrown when no endpoint could bind; the checks below say which
        }
        if (udp != null) {
            requireStarted(udp, false, settings.udpPort());
        }
        requireStarted(dtls, true, settings.dtlsPort());
        LOG.info("CoAP listening on DTLS-PSK udp/{}{}", dtlsPort(), udp == null ? " (plain CoAP off)" : " and plain udp/" + udp.getAddress().getPort());
    }

    /** The bound plain UDP port, empty when plain CoAP is off; only valid after {@link #start()}. */
    public OptionalInt udpPort() {
        CoapEndpoint plain = udp;
        return plain == null ? OptionalInt.empty() : OptionalInt.of(plain.getAddress().getPort());
    }

    /** The bound DTLS port; only valid after {@link #start()}. */
    public int dtlsPort() {
        return dtls.getAddress().getPort();
    }

    @Override
    public String component() {
        return "coap";
    }

    @Override
    public Health check() {
        CoapEndpoint plain = udp;
        CoapEndpoint secure = dtls;
        if (secure == null || !secure.isStarted() || settings.plain() && (plain == null || !plain.isStarted())) {
            return Health.down("not listening");
        }
        return Health.up("dtls " + dtlsPort() + (plain == null ? ", plain off" : ", udp " + plain.getAddress().getPort()));
    }

    /** Stops accepting requests, lets exchanges in flight finish, then releases the sockets. */
    @Override
    public void close() {
        long started = System.nanoTime();
        server.stop();
        server.destroy();
        LOG.info("CoAP stopped in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private void requireStarted(CoapEndpoint endpoint, boolean secure, int port) throws CoapStartException {
        if (!endpoint.isStarted()) {
            close();
            throw new CoapStartException(secure, port, (secure ? "DTLS" : "UDP") + " port " + port + " could not be bound (in use?)", null);
        }
    }

    private DtlsConnectorConfig dtlsConfig() {
        return DtlsConnectorConfig.builder(configuration)
                .setAddress(new InetSocketAddress(settings.bindAddress(), settings.dtlsPort()))
                .setAdvancedPskStore(new DirectoryPskStore(pskDirectory))
                .build();
    }

    private static Configuration configuration(CoapListenerSettings settings) {
        Configuration configuration = Configuration.createStandardWithoutFile();
        configuration.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, settings.maxBodyBytes());
        configuration.set(CoapConfig.MAX_MESSAGE_SIZE, Math.min(1024, settings.maxBodyBytes()));
        configuration.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.SERVER_ONLY);
        configuration.set(DtlsConfig.DTLS_RECOMMENDED_CIPHER_SUITES_ONLY, false);
        configuration.set(DtlsConfig.DTLS_CIPHER_SUITES, PSK_CIPHER_SUITES);
        return configuration;
    }
}
