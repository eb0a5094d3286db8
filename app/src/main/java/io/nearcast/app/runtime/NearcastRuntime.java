package io.nearcast.app.runtime;

import io.micronaut.context.BeanProvider;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.runtime.graceful.GracefulShutdownCapable;
import io.nearcast.app.config.ConfigurationError;
import io.nearcast.app.config.Setting;
import io.nearcast.app.config.Settings;
import io.nearcast.app.db.Database;
import io.nearcast.app.db.MasterKeyCheck;
import io.nearcast.app.secrets.DataDirectory;
import io.nearcast.app.secrets.DataDirectoryLock;
import io.nearcast.app.secrets.ServerSecrets;
import io.nearcast.gateway.coap.CoapListener;
import io.nearcast.gateway.coap.CoapListenerSettings;
import io.nearcast.gateway.coap.CoapStartException;
import io.nearcast.gateway.domain.PskDirectory;
import io.micronaut.json.JsonMapper;
import io.nearcast.app.mqtt.DeviceMqttAuthenticator;
import io.nearcast.app.mqtt.ShopperMqttAuthenticator;
import io.nearcast.broker.domain.MqttAuthenticator;
import io.nearcast.app.ingest.CoapIngest;
import io.nearcast.app.ingest.IngestMeters;
import io.nearcast.app.ingest.MqttIngest;
import io.nearcast.app.ingest.RegistryBeacons;
import io.nearcast.gateway.domain.ingest.ShopperIngest;
import io.nearcast.privacy.domain.ProcessingPolicy;
import io.nearcast.privacy.domain.Purpose;
import io.nearcast.privacy.domain.ShopperId;
import io.nearcast.privacy.domain.ShopperRepository;
import io.nearcast.registry.domain.BeaconResolver;
import io.nearcast.registry.domain.BeaconRepository;
import io.nearcast.app.ingest.RegistryTelemetry;
import io.nearcast.app.ingest.MqttSightingSink;
import io.nearcast.app.ingest.MqttSightingSource;
import io.nearcast.app.ingest.MqttIngestSettings;
import io.nearcast.app.geofence.GeofenceMeters;
import io.nearcast.app.geofence.GeofenceService;
import io.nearcast.app.campaign.CampaignMeters;
import io.nearcast.app.campaign.CampaignService;
import io.nearcast.gateway.domain.ingest.BroadcastSink;
import io.nearcast.gateway.domain.ingest.SightingSink;
import io.nearcast.gateway.domain.ingest.BeaconHealth;
import io.micrometer.core.instrument.MeterRegistry;
import io.nearcast.gateway.domain.ingest.ScanIngest;
import io.nearcast.gateway.domain.ingest.DeviceRateLimits;
import io.nearcast.gateway.domain.ingest.IngestCounters;
import io.nearcast.gateway.domain.ingest.RecentMessages;
import io.nearcast.gateway.domain.ingest.ReportCheck;
import io.nearcast.gateway.domain.ingest.ScannerIngest;
import io.nearcast.privacy.domain.PersonalData;
import java.time.Clock;
import org.eclipse.paho.mqttv5.common.MqttException;
import io.nearcast.privacy.domain.ShopperAccounts;
import io.nearcast.privacy.domain.ShopperTokens;
import io.nearcast.registry.domain.BrokerAccounts;
import io.nearcast.registry.domain.DeviceAuthentication;
import io.nearcast.kernel.domain.HealthProbe;
import io.nearcast.kernel.domain.HealthReport;
import io.nearcast.kernel.persistence.SchemaModule;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the all-in-one server's parts in dependency order — data directory and secrets,
 * database, broker, Nearcast's MQTT link, CoAP, HTTP last — and stops them in reverse, so
 * nothing accepts work that a closed part would have to finish.
 */
@Singleton
public final class NearcastRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(NearcastRuntime.class);
    private static final Duration DB_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Largest device message on any transport (MQTT payload, CoAP body); larger ones are rejected with payload-too-large / 4.13. */
    private static final int MAX_PAYLOAD_BYTES = 64 * 1024;
    /** Sightings per scanner report (the AsyncAPI document's maxItems: a full report of the longest advertisements fits 64 KiB). */
    private static final int MAX_SIGHTINGS = 100;

    private final Settings settings;
    private final BeanProvider<EmbeddedServer> httpServer;
    private final List<SchemaModule> schemaModules;
    private final BeanProvider<DeviceAuthentication> deviceAuthentication;
    private final BeanProvider<ShopperTokens> shopperTokens;
    private final BeanProvider<PersonalData> personalData;
    private final BeanProvider<BeaconResolver> beacons;
    private final BeanProvider<BeaconRepository> beaconRepository;
    private final BeanProvider<ShopperRepository> shoppers;
    private final BeanProvider<ProcessingPolicy> processingPolicy;
    private final BeanProvider<GeofenceService> geofenceService;
    private final BeanProvider<CampaignService> campaignService;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final SecureRandom random = new SecureRandom();
    private final Deque<Stage> started = new ArrayDeque<>();
    private final List<HealthProbe> probes = new CopyOnWriteArrayList<>();
    private volatile Database database;
    private volatile ServerSecrets secrets;
    private volatile BrokerAccounts brokerAccounts;
    private volatile ShopperAccounts shopperAccounts;
    private final IngestCounters ingestCounters = new IngestCounters();
    private volatile boolean stopped;
    /** Base of landing-page links; the configured port until HTTP is up and its port is known. */
    private volatile String publicBase;

    NearcastRuntime(Settings settings, BeanProvider<EmbeddedServer> httpServer, List<SchemaModule> schemaModules,
                    BeanProvider<DeviceAuthentication> deviceAuthentication, BeanProvider<ShopperTokens> shopperTokens,
                    BeanProvider<PersonalData> personalData, BeanProvider<BeaconResolver> beacons, BeanProvider<BeaconRepository> beaconRepository,
                    BeanProvider<ShopperRepository> shoppers,
                    BeanProvider<ProcessingPolicy> processingPolicy, BeanProvider<GeofenceService> geofenceService,
                    BeanProvider<CampaignService> campaignService, JsonMapper json, MeterRegistry meters) {
        this.geofenceService = geofenceService;
        this.campaignService = campaignService;
        this.beacons = beacons;
        this.beaconRepository = beaconRepository;
        this.shoppers = shoppers;
        this.processingPolicy = processingPolicy;
        this.settings = settings;
        this.httpServer = httpServer;
        this.schemaModules = schemaModules;
        this.deviceAuthentication = deviceAuthentication;
        this.shopperTokens = shopperTokens;
        this.personalData = personalData;
        this.json = json;
        this.meters = meters;
        IngestMeters.bind(meters, ingestCounters);
    }

    /**
     * Starts everything; on failure stops what was started and rethrows.
     *
     * @throws ConfigurationError naming the setting behind a failure an operator can fix
     */
    public synchronized ReadyLine start() {
        try {
            DataDirectory dataDirectory = DataDirectory.open(settings.dataDir());
            DataDirectoryLock lock = dataDirectory.lock();
            started.push(new Stage("data directory lock", lock::release));
            secrets = ServerSecrets.provision(settings, dataDirectory, random, System.out);
            startDatabase();
            DeviceAuthentication devices = deviceAuthentication.get();
            List<MqttAuthenticator> clients = List.of(new DeviceMqttAuthenticator(devices), new ShopperMqttAuthenticator(shopperTokens.get()));
            BrokerConnection broker = BrokerConnection.open(settings, dataDirectory, random, clients, json);
            started.push(new Stage("MQTT", broker::close));
            probes.addAll(broker.probes());
            brokerAccounts = broker.accounts();
            shopperAccounts = broker.shopperAccounts();
            GeofenceService geofence = startGeofence(broker);
            startCampaigns(broker, geofence);
            DeviceIngest ingest = deviceIngest(devices, geofence, broker);
            if (settings.sightingsOverMqtt()) {
                startInternalSightingSource(broker, geofence);
            }
            startMqttIngest(broker, ingest.sightings(), ingest.shoppers());
            CoapListener coap = startCoap(devices::psk, new CoapIngest(ingest.sightings(), ingest.scans(), devices::activeStore, json, MAX_PAYLOAD_BYTES, meters));
            startRetention();
            int httpPort = startHttp();
            publicBase = publicBase(httpPort);
            return new ReadyLine(httpPort, broker.embeddedPort(), coap.udpPort(), coap.dtlsPort());
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    /** Stops in reverse start order; safe to call more than once. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        while (!started.isEmpty()) {
            Stage stage = started.pop();
            try {
                stage.stop().run();
            } catch (RuntimeException e) {
                LOG.warn("Stopping {} failed: {}", stage.name(), e.toString());
            }
        }
        probes.clear();
    }

    /** The health of every started part; DOWN before start and after stop. */
    public HealthReport health() {
        return HealthReport.of(new ArrayList<>(probes));
    }

    /** The started database; for wiring repositories. */
    public Database database() {
        if (database == null) {
            throw new IllegalStateException("database not started");
        }
        return database;
    }

    /** Where shopper-app account changes go; valid once the broker started. */
    public ShopperAccounts shopperAccounts() {
        if (shopperAccounts == null) {
            throw new IllegalStateException("broker not started");
        }
        return shopperAccounts;
    }

    /** Where the registry mirrors device account changes; valid once the broker started. */
    public BrokerAccounts brokerAccounts() {
        if (brokerAccounts == null) {
            throw new IllegalStateException("broker not started");
        }
        return brokerAccounts;
    }

    public ServerSecrets secrets() {
        if (secrets == null) {
            throw new IllegalStateException("secrets not provisioned");
        }
        return secrets;
    }

    private void startDatabase() {
        Database db = new Database(settings.database(), schemaModules, DB_CONNECT_TIMEOUT);
        db.start();
        started.push(new Stage("database", db::close));
        MasterKeyCheck.verify(db.dataSource(), secrets.masterKey());
        database = db;
        probes.add(db);
    }

    private CoapListener startCoap(PskDirectory devicePsks, CoapIngest ingest) {
        int udp = PortChoice.choose(Setting.COAP_PORT, settings.coapPort(), PortChoice.Transport.UDP);
        int dtls = udp == 0 ? 0 : udp + 1;
        if (dtls != 0 && !PortChoice.isFree(dtls, PortChoice.Transport.UDP)) {
            if (settings.coapPort().explicit()) {
                throw new ConfigurationError(Setting.COAP_PORT, "CoAP over DTLS needs port " + dtls + " (this port + 1), which is already in use");
            }
            udp = 0;
            dtls = 0;
        }
        CoapListener coap = new CoapListener(new CoapListenerSettings("0.0.0.0", udp, dtls, MAX_PAYLOAD_BYTES, settings.coapPlain()), devicePsks);
        coap.add(ingest.resource());
        try {
            coap.start();
        } catch (CoapStartException e) {
            throw PortChoice.portTaken(Setting.COAP_PORT, e.port(), e);
        }
        started.push(new Stage("CoAP", coap::close));
        probes.add(coap);
        return coap;
    }

    /** The gateway's two ingest paths, shared by MQTT and CoAP, with one set of counters. */
    private record DeviceIngest(ScannerIngest sightings, ScanIngest scans, ShopperIngest shoppers) {
    }

    /** The geofence service, before the ingest that feeds it; it publishes zone events on Nearcast's MQTT link. */
    private GeofenceService startGeofence(BrokerConnection broker) {
        GeofenceService geofence = geofenceService.get();
        geofence.start((topic, payload, qos, retained) -> broker.link().publish(topic, payload, qos, retained), json);
        started.push(new Stage("geofence", geofence::close));
        GeofenceMeters.bind(meters, geofence);
        return geofence;
    }

    /** {@code NEARCAST_PUBLIC_URL} without a trailing slash, or {@code http://localhost:<port>}. */
    private String publicBase(int httpPort) {
        return settings.publicUrl().map(url -> url.toString().replaceAll("/+$", "")).orElse("http://localhost:" + httpPort);
    }

    /**
     * The campaign service, after the geofence service whose zone events it decides on (in this
     * JVM) and before the ingest; it publishes offers on Nearcast's MQTT link.
     */
    private void startCampaigns(BrokerConnection broker, GeofenceService geofence) {
        CampaignService campaigns = campaignService.get();
        publicBase = publicBase(settings.httpPort().port());
        try {
            campaigns.start((topic, payload, qos, retained) -> broker.link().publish(topic, payload, qos, retained), broker.ingestSettings(), json,
                    () -> publicBase);
        } catch (IllegalStateException e) {
            campaigns.close();
            throw new ConfigurationError(settings.usesEmbeddedBroker() ? Setting.MQTT_PORT : Setting.MQTT_URL, e.getMessage(), e);
        }
        started.push(new Stage("campaigns", campaigns::close));
        geofence.subscribe(campaigns::onZoneEvent);
        CampaignMeters.bind(meters, campaigns);
    }

    /**
     * With {@code NEARCAST_SIGHTINGS=mqtt} this process's geofence service takes its share of the
     * internal sightings topic (shared subscription {@code nearcast-geofence}), so the hand-over
     * through the broker works in one process too. GPS fixes stay in the process that received them.
     */
    private void startInternalSightingSource(BrokerConnection broker, GeofenceService geofence) {
        MqttIngestSettings login = broker.ingestSettings();
        try {
            MqttSightingSource source = new MqttSightingSource(login.broker(), login.username(), login.password(), "nearcast-geofence",
                    geofence.feed(), geofence.feed(), json);
            source.start();
            started.push(new Stage("internal sightings", () -> {
                try {
                    source.close();
                } catch (MqttException e) {
                    LOG.warn("Closing the internal sightings source failed: {}", e.getMessage());
                }
            }));
        } catch (MqttException | IllegalStateException e) {
            throw new ConfigurationError(Setting.SIGHTINGS, "the geofence service could not subscribe to the internal sightings topic: " + e.getMessage(), e);
        }
    }

    /**
     * Sighting and scan ingest with the gateway's limits: the device rate limit of the settings
     * (by default a burst of 50 messages, then one every 20 ms; sightings and scans share it); repeats remembered 10 minutes (at most 100,000); reports at most 30 s
     * ahead of the server's clock and 1 h old. Accepted sightings, shopper broadcasts and fixes go
     * to the geofence service in this JVM, or sightings and broadcasts to the internal MQTT topic
     * ({@code NEARCAST_SIGHTINGS=mqtt}); scans go to an in-process sink that the touchpoint service
     * (issue 8) subscribes to.
     */
    private DeviceIngest deviceIngest(DeviceAuthentication devices, GeofenceService geofence, BrokerConnection broker) {
        SightingSink sightingSink = geofence.feed();
        BroadcastSink broadcastSink = geofence.feed();
        if (settings.sightingsOverMqtt()) {
            MqttSightingSink overMqtt = new MqttSightingSink((topic, payload, qos, retained) -> broker.link().publish(topic, payload, qos, retained), json);
            sightingSink = overMqtt;
            broadcastSink = overMqtt;
        }
        DeviceRateLimits limits = new DeviceRateLimits(settings.deviceRate().burst(), settings.deviceRate().refill());
        RecentMessages recent = new RecentMessages(Duration.ofMinutes(10), 100_000);
        ReportCheck check = new ReportCheck(Clock.systemUTC(), Duration.ofSeconds(30), Duration.ofHours(1), MAX_SIGHTINGS);
        DeviceRateLimits shopperLimits = new DeviceRateLimits(settings.deviceRate().burst(), settings.deviceRate().refill());
        ProcessingPolicy policy = processingPolicy.get();
        ShopperRepository shopperRepository = shoppers.get();
        RegistryBeacons directory = new RegistryBeacons(beacons.get());
        ShopperIngest shopperIngest = new ShopperIngest(id -> ShopperId.parse(id).flatMap(shopperRepository::find).isPresent(), shopperLimits, recent,
                check, directory, id -> ShopperId.parse(id).map(s -> policy.mayProcess(s, Purpose.LOCATION)).orElse(false),
                sightingSink, geofence.feed(), ingestCounters);
        BeaconHealth health = new BeaconHealth(new RegistryTelemetry(beaconRepository.get()), Duration.ofMinutes(1), ingestCounters);
        return new DeviceIngest(new ScannerIngest(devices::isActive, limits, recent, check, directory, health, sightingSink, geofence.broadcasts(),
                broadcastSink, ingestCounters),
                new ScanIngest(devices::isActive, limits, recent, check, scan -> { }, ingestCounters), shopperIngest);
    }

    /** The gateway's MQTT consumer of scanner sightings. */
    private void startMqttIngest(BrokerConnection broker, ScannerIngest scannerIngest, ShopperIngest shopperIngest) {
        try {
            MqttIngest ingest = new MqttIngest(broker.ingestSettings(), scannerIngest, shopperIngest, json, meters);
            ingest.start();
            started.push(new Stage("ingest", ingest::close));
            probes.add(ingest);
        } catch (MqttException | IllegalStateException e) {
            throw new ConfigurationError(settings.usesEmbeddedBroker() ? Setting.MQTT_PORT : Setting.MQTT_URL,
                    "the ingest could not subscribe to device and shopper sightings: " + e.getMessage(), e);
        }
    }

    /** What the gateway received, accepted, de-duplicated and rejected since start. */
    public IngestCounters ingestCounters() {
        return ingestCounters;
    }

    private void startRetention() {
        RetentionSchedule retention = new RetentionSchedule(personalData.get(), settings.retention());
        retention.start();
        started.push(new Stage("retention", retention::close));
    }

    private int startHttp() {
        EmbeddedServer server = httpServer.get();
        try {
            server.start();
        } catch (RuntimeException e) {
            if (PortChoice.isBindFailure(e)) {
                throw PortChoice.portTaken(Setting.HTTP_PORT, settings.httpPort().port(), e);
            }
            throw e;
        }
        started.push(new Stage("HTTP", () -> stopHttp(server)));
        return server.getPort();
    }

    /** Stops accepting, lets requests in flight finish within the grace period, then closes. */
    private void stopHttp(EmbeddedServer server) {
        if (server instanceof GracefulShutdownCapable graceful) {
            try {
                graceful.shutdownGracefully().toCompletableFuture().get(settings.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.warn("HTTP requests still in flight after {}; closing anyway", settings.shutdownGrace());
            }
        }
        server.stop();
    }

}
