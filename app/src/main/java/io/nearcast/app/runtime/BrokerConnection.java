package io.nearcast.app.runtime;

import io.nearcast.app.config.ConfigurationError;
import io.nearcast.app.config.Setting;
import io.nearcast.app.config.Settings;
import io.nearcast.app.secrets.DataDirectory;
import io.nearcast.broker.domain.ServiceAccount;
import io.nearcast.broker.hivemq.BrokerStartException;
import io.nearcast.broker.hivemq.EmbeddedBroker;
import io.nearcast.broker.hivemq.EmbeddedBrokerSettings;
import io.nearcast.kernel.domain.HealthProbe;
import io.nearcast.kernel.mqtt.MqttLink;
import io.nearcast.kernel.mqtt.MqttLinkException;
import io.nearcast.kernel.mqtt.MqttLinkSettings;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Nearcast's broker: the embedded one (started here, with Nearcast's own service account) or the
 * external one named by {@code NEARCAST_MQTT_URL} — and Nearcast's MQTT link to it.
 */
final class BrokerConnection implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(5);

    private final Optional<EmbeddedBroker> embedded;
    private final MqttLink link;

    private BrokerConnection(Optional<EmbeddedBroker> embedded, MqttLink link) {
        this.embedded = embedded;
        this.link = link;
    }

    /**
     * Starts the embedded broker if no external one is configured, then connects the link.
     *
     * @throws ConfigurationError naming NEARCAST_MQTT_PORT or NEARCAST_MQTT_URL when that fails
     */
    static BrokerConnection open(Settings settings, DataDirectory dataDirectory, SecureRandom random) {
        if (settings.externalBroker().isPresent()) {
            URI uri = settings.externalBroker().get();
            MqttLink link = connect(Setting.MQTT_URL, uri, settings.mqttUsername(),
                    settings.mqttPassword().map(password -> password.getBytes(StandardCharsets.UTF_8)));
            return new BrokerConnection(Optional.empty(), link);
        }
        ServiceAccount service = ServiceAccount.random(random);
        EmbeddedBroker broker = startEmbedded(settings, dataDirectory, service);
        try {
            MqttLink link = connect(Setting.MQTT_PORT, URI.create("tcp://127.0.0.1:" + broker.port()),
                    Optional.of(ServiceAccount.USERNAME), Optional.of(service.password()));
            return new BrokerConnection(Optional.of(broker), link);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    /** The embedded broker's port, or empty for an external broker. */
    OptionalInt embeddedPort() {
        return embedded.map(broker -> OptionalInt.of(broker.port())).orElseGet(OptionalInt::empty);
    }

    MqttLink link() {
        return link;
    }

    List<HealthProbe> probes() {
        List<HealthProbe> probes = new ArrayList<>();
        embedded.ifPresent(probes::add);
        probes.add(link);
        return probes;
    }

    /** Drains and closes the link first, then stops the embedded broker. */
    @Override
    public void close() {
        link.close();
        embedded.ifPresent(EmbeddedBroker::close);
    }

    private static EmbeddedBroker startEmbedded(Settings settings, DataDirectory dataDirectory, ServiceAccount service) {
        int port = PortChoice.choose(Setting.MQTT_PORT, settings.mqttPort(), PortChoice.Transport.TCP);
        EmbeddedBrokerSettings brokerSettings = EmbeddedBrokerSettings.defaults("0.0.0.0", port, dataDirectory.directory("broker"), true);
        EmbeddedBroker broker = new EmbeddedBroker(brokerSettings, List.of(service));
        try {
            broker.start();
            return broker;
        } catch (BrokerStartException e) {
            throw new ConfigurationError(Setting.MQTT_PORT, "embedded broker on port " + port + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new ConfigurationError(Setting.DATA_DIR, e.getMessage() + " (" + e.getCause().getMessage() + ")", e);
        }
    }

    private static MqttLink connect(Setting setting, URI uri, Optional<String> username, Optional<byte[]> password) {
        MqttLinkSettings linkSettings = new MqttLinkSettings(uri, "nearcast-" + UUID.randomUUID(), username, password, CONNECT_TIMEOUT, DRAIN_TIMEOUT);
        try {
            MqttLink link = new MqttLink(linkSettings);
            link.connect();
            return link;
        } catch (MqttLinkException e) {
            throw new ConfigurationError(setting, e.getMessage(), e);
        }
    }
}
