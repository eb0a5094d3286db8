package io.nearcast.broker.hivemq;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.extension.sdk.api.client.parameter.Listener;
import com.hivemq.extension.sdk.api.services.Services;
import com.hivemq.extension.sdk.api.services.admin.LifecycleStage;
import io.nearcast.broker.domain.MqttAuthenticator;
import io.nearcast.kernel.domain.Health;
import io.nearcast.kernel.domain.HealthProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MQTT 5 broker (HiveMQ CE) with Nearcast's access control.
 *
 * <p>One instance per JVM: HiveMQ keeps process-wide state. {@link #start()} returns once the
 * listener is bound; {@link #port()} then tells the real port (also when 0 was asked for).
 * {@link #close()} disconnects clients and stops the broker (HiveMQ needs a few seconds).
 */
public final class EmbeddedBroker implements HealthProbe, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);

    private final EmbeddedBrokerSettings settings;
    private final List<MqttAuthenticator> authenticators;
    private final BrokerCounters counters = new BrokerCounters();
    private final ClientSessions sessions = new ClientSessions();
    private volatile EmbeddedHiveMQ hivemq;
    private volatile int port = -1;

    public EmbeddedBroker(EmbeddedBrokerSettings settings, List<MqttAuthenticator> authenticators) {
        this.settings = settings;
        this.authenticators = List.copyOf(authenticators);
    }

    /**
     * Starts the broker and waits until its listener is bound.
     *
     * @throws BrokerStartException when the port is taken or the broker does not come up in time
     */
    public void start() throws BrokerStartException {
        Path conf = folder("conf");
        writeConfig(conf);
        EmbeddedExtension access = EmbeddedExtension.builder()
                .withId("nearcast-access")
                .withName("Nearcast access control")
                .withVersion("1")
                .withPriority(1000)
                .withStartPriority(1000)
                .withExtensionMain(new AccessExtension(authenticators, counters, sessions))
                .build();
        EmbeddedHiveMQ broker = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(conf)
                .withDataFolder(folder("data"))
                .withExtensionsFolder(folder("extensions"))
                .withEmbeddedExtension(access)
                .withoutLoggingBootstrap()
                .build();
        hivemq = broker;
        try {
            broker.start().get(settings.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            stopQuietly();
            throw new BrokerStartException(describe(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            stopQuietly();
            throw new BrokerStartException("did not start within " + settings.startTimeout().toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopQuietly();
            throw new BrokerStartException("interrupted while starting", e);
        }
        port = boundPort();
        LOG.info("Embedded MQTT broker listening on {}:{} ({} persistence)", settings.bindAddress(), port,
                settings.persistent() ? "file" : "in-memory");
    }

    /** The bound TCP port; only valid after {@link #start()}. */
    public int port() {
        if (port < 0) {
            throw new IllegalStateException("broker not started");
        }
        return port;
    }

    /**
     * Disconnects every client that authenticated as this principal (e.g. a device whose
     * credentials were rotated or which was disabled); it has to authenticate again to come back.
     *
     * @return how many connections were asked to close
     */
    public int endSessions(String principalName) {
        return hivemq == null ? 0 : sessions.end(principalName);
    }

    public BrokerCounters counters() {
        return counters;
    }

    @Override
    public String component() {
        return "broker";
    }

    @Override
    public Health check() {
        if (hivemq == null || port < 0) {
            return Health.down("not running");
        }
        try {
            LifecycleStage stage = Services.adminService().getCurrentStage();
            return stage == LifecycleStage.STARTED_SUCCESSFULLY
                    ? Health.up("embedded, port " + port)
                    : Health.down("embedded broker " + stage.name().toLowerCase());
        } catch (RuntimeException e) {
            return Health.down("embedded broker not available");
        }
    }

    @Override
    public void close() {
        if (hivemq != null) {
            long started = System.nanoTime();
            stopQuietly();
            LOG.info("Embedded MQTT broker stopped in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
    }

    private int boundPort() throws BrokerStartException {
        return Services.adminService().getServerInformation().getListener().stream()
                .mapToInt(Listener::getPort)
                .filter(bound -> bound > 0)
                .findFirst()
                .orElseThrow(() -> {
                    stopQuietly();
                    return new BrokerStartException("port " + settings.port() + " could not be bound (in use?)", null);
                });
    }

    private void stopQuietly() {
        EmbeddedHiveMQ broker = hivemq;
        hivemq = null;
        port = -1;
        if (broker == null) {
            return;
        }
        try {
            broker.stop().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Embedded MQTT broker did not stop cleanly: {}", e.toString());
        } finally {
            closeQuietly(broker);
        }
    }

    private static void closeQuietly(EmbeddedHiveMQ broker) {
        try {
            broker.close();
        } catch (Exception e) {
            LOG.warn("Embedded MQTT broker did not close cleanly: {}", e.toString());
        }
    }

    private Path folder(String name) {
        try {
            return Files.createDirectories(settings.workDir().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create broker folder " + name, e);
        }
    }

    private void writeConfig(Path conf) {
        try {
            Files.writeString(conf.resolve("config.xml"), BrokerConfigFile.render(settings), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write broker configuration", e);
        }
    }

    private static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException) {
                return "port is already in use";
            }
        }
        return failure == null ? "unknown failure" : String.valueOf(failure.getMessage());
    }
}
