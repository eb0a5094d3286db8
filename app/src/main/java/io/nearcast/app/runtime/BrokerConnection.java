package io.nearcast.app.runtime;

import io.nearcast.app.config.ConfigurationError;
import io.nearcast.app.config.Setting;
import io.nearcast.app.config.Settings;
import io.nearcast.app.secrets.DataDirectory;
import io.micronaut.json.JsonMapper;
import io.nearcast.app.ingest.MqttIngestSettings;
import io.nearcast.app.mqtt.DynamicSecurity;
import io.nearcast.app.mqtt.SessionOnlyAccounts;
import io.nearcast.app.mqtt.MosquittoAccounts;
import io.nearcast.privacy.domain.ShopperAccounts;
import io.nearcast.broker.domain.MqttAuthenticator;
import io.nearcast.broker.domain.ServiceAccount;
import io.nearcast.broker.hivemq.BrokerStartException;
import io.nearcast.broker.hivemq.EmbeddedBroker;
import io.nearcast.broker.hivemq.EmbeddedBrokerSettings;
import io.nearcast.kernel.domain.HealthProbe;
import io.nearcast.kernel.domain.Unavailable;
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
import io.nearcast.registry.domain.BrokerAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nearcast's broker: the embedded one (started here, with Nearcast's own service account) or the
 * external one named by {@code NEARCAST_MQTT_URL} — and Nearcast's MQTT link to it.
 */
final class BrokerConnection implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(BrokerConnection.class);
    private static final Duration DYNSEC_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration DYNSEC_GRANT_PATIENCE = Duration.ofSeconds(15);

    private final Optional<EmbeddedBroker> embedded;
    private final MqttLink link;
    private final BrokerAccounts accounts;
    private final ShopperAccounts shopperAccounts;
    private final Optional<DynamicSecurity> dynsec;
    private final Login login;

    /** How Nearcast's own clients log in to this broker. */
    private record Login(URI uri, Optional<String> username, Optional<byte[]> password) {
    }

    private <A extends BrokerAccounts & ShopperAccounts> BrokerConnection(Login login, Optional<EmbeddedBroker> embedded, MqttLink link, A accounts,
                                                                            Optional<DynamicSecurity> dynsec) {
        this.login = login;
        this.embedded = embedded;
        this.link = link;
        this.accounts = accounts;
        this.shopperAccounts = accounts;
        this.dynsec = dynsec;
    }

    /**
     * Starts the embedded broker if no external one is configured, then connects the link.
     *
     * @throws ConfigurationError naming NEARCAST_MQTT_PORT or NEARCAST_MQTT_URL when that fails
     */
    static BrokerConnection open(Settings settings, DataDirectory dataDirectory, SecureRandom random,
                                 List<MqttAuthenticator> clients, JsonMapper json) {
        if (settings.externalBroker().isPresent()) {
            return openExternal(settings, json);
        }
        ServiceAccount service = ServiceAccount.random(random);
        List<MqttAuthenticator> authenticators = new ArrayList<>();
        authenticators.add(service);
        authenticators.addAll(clients);
        EmbeddedBroker broker = startEmbedded(settings, dataDirectory, authenticators);
        try {
            Login login = new Login(URI.create("tcp://127.0.0.1:" + broker.port()), Optional.of(ServiceAccount.USERNAME), Optional.of(service.password()));
            MqttLink link = connect(Setting.MQTT_PORT, login.uri(), login.username(), login.password());
            return new BrokerConnection(login, Optional.of(broker), link, SessionOnlyAccounts.embedded(broker), Optional.empty());
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    private static BrokerConnection openExternal(Settings settings, JsonMapper json) {
        URI uri = settings.externalBroker().orElseThrow();
        Optional<byte[]> password = settings.mqttPassword().map(text -> text.getBytes(StandardCharsets.UTF_8));
        Login login = new Login(uri, settings.mqttUsername(), password);
        if (!settings.mqttDynsec()) {
            MqttLink link = connect(Setting.MQTT_URL, uri, settings.mqttUsername(), password);
            LOG.warn("Devices' MQTT accounts are not provisioned on the external broker {}: add them there yourself, "
                    + "or set NEARCAST_MQTT_DYNSEC=true with Mosquitto's dynamic-security plugin", uri);
            return new BrokerConnection(login, Optional.empty(), link, SessionOnlyAccounts.unmanaged(), Optional.empty());
        }
        // accounts first: granting Nearcast's own role makes Mosquitto end the account's sessions
        DynamicSecurity dynsec = null;
        try {
            dynsec = DynamicSecurity.connect(uri, settings.mqttUsername().orElseThrow(), password.orElseThrow(), json, DYNSEC_TIMEOUT);
            MosquittoAccounts accounts = new MosquittoAccounts(dynsec);
            accounts.grantServiceRole(settings.mqttUsername().orElseThrow(), DYNSEC_GRANT_PATIENCE);
            MqttLink link = connect(Setting.MQTT_URL, uri, settings.mqttUsername(), password);
            LOG.info("Device accounts are managed on {} through its dynamic-security plugin", uri);
            return new BrokerConnection(login, Optional.empty(), link, accounts, Optional.of(dynsec));
        } catch (Unavailable e) {
            closeQuietly(dynsec);
            throw new ConfigurationError(Setting.MQTT_DYNSEC, e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(dynsec);
            throw new ConfigurationError(Setting.MQTT_DYNSEC, "interrupted while setting up the broker's accounts", e);
        } catch (RuntimeException e) {
            closeQuietly(dynsec);
            throw e;
        }
    }

    private static void closeQuietly(DynamicSecurity dynsec) {
        if (dynsec != null) {
            dynsec.close();
        }
    }

    /** How the gateway's consumer connects: as Nearcast itself, in the shared group {@code nearcast-ingest}. */
    MqttIngestSettings ingestSettings() {
        return new MqttIngestSettings(login.uri(), login.username(), login.password(), "nearcast-ingest", 256, 2, 64 * 1024);
    }

    /** Where shopper-app account changes go. */
    ShopperAccounts shopperAccounts() {
        return shopperAccounts;
    }

    /** Where device account changes go: the embedded broker's sessions, or the external broker's accounts. */
    BrokerAccounts accounts() {
        return accounts;
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
        dynsec.ifPresent(DynamicSecurity::close);
        link.close();
        embedded.ifPresent(EmbeddedBroker::close);
    }

    private static EmbeddedBroker startEmbedded(Settings settings, DataDirectory dataDirectory, List<MqttAuthenticator> authenticators) {
        int port = PortChoice.choose(Setting.MQTT_PORT, settings.mqttPort(), PortChoice.Transport.TCP);
        EmbeddedBrokerSettings brokerSettings = EmbeddedBrokerSettings.defaults("0.0.0.0", port, dataDirectory.directory("broker"), true);
        EmbeddedBroker broker = new EmbeddedBroker(brokerSettings, authenticators);
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
