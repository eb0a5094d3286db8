package io.nearcast.app.config;

import io.nearcast.geofence.domain.PresenceRules;
import io.nearcast.kernel.domain.MasterKey;
import java.net.URI;
import java.nio.file.Path;
import io.nearcast.campaign.domain.RespectRules;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The validated configuration of the all-in-one server. Built only by {@link SettingsParser};
 * every value here is well-formed, though what it points to may still be unreachable.
 *
 * @param httpPort       HTTP listener
 * @param externalBroker the external broker's URI, or empty to start the embedded broker
 * @param mqttUsername   user name on the external broker
 * @param mqttPassword   password on the external broker; never printed
 * @param mqttDynsec     whether Nearcast manages device accounts on the external broker (Mosquitto dynamic security)
 * @param mqttPort       port of the embedded broker
 * @param coapPort       CoAP over UDP; DTLS listens on this port + 1 (both free ports when 0)
 * @param coapPlain      whether plain CoAP is served too (development only)
 * @param deviceRate     per-device token bucket of the ingest
 * @param sightingsOverMqtt whether accepted sightings are published to the internal topic instead of staying in this JVM
 * @param dataDir        absolute data directory
 * @param database       JDBC connection
 * @param adminToken     administrator token given by the operator, or empty to use/generate the stored one
 * @param masterKey      master key given by the operator, or empty to use/generate the stored one
 * @param publicUrl      base of public URLs, or empty for {@code http://localhost:<http port>}
 * @param shutdownGrace  how long shutdown waits for in-flight work
 * @param retention      how long raw per-shopper data is kept
 * @param presence       the geofence service's proximity rules
 * @param maxShoppers    consenting shoppers the geofence service tracks at once
 * @param respect        the campaign service's server-wide respect rules and default caps
 * @param exploration    the bandit's minimum exploration share
 */
public record Settings(
        PortRequest httpPort,
        Optional<URI> externalBroker,
        Optional<String> mqttUsername,
        Optional<String> mqttPassword,
        boolean mqttDynsec,
        PortRequest mqttPort,
        PortRequest coapPort,
        boolean coapPlain,
        DeviceRate deviceRate,
        boolean sightingsOverMqtt,
        Path dataDir,
        DatabaseSettings database,
        Optional<String> adminToken,
        Optional<MasterKey> masterKey,
        Optional<URI> publicUrl,
        Duration shutdownGrace,
        Duration retention,
        PresenceRules presence,
        int maxShoppers,
        RespectRules respect,
        double exploration) {

    public Settings {
        Objects.requireNonNull(httpPort, "httpPort");
        Objects.requireNonNull(externalBroker, "externalBroker");
        Objects.requireNonNull(mqttUsername, "mqttUsername");
        Objects.requireNonNull(mqttPassword, "mqttPassword");
        Objects.requireNonNull(mqttPort, "mqttPort");
        Objects.requireNonNull(coapPort, "coapPort");
        Objects.requireNonNull(deviceRate, "deviceRate");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(adminToken, "adminToken");
        Objects.requireNonNull(masterKey, "masterKey");
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(presence, "presence");
        Objects.requireNonNull(respect, "respect");
    }

    /**
     * A device's allowance: {@code burst} messages at once, then one per {@code refill}.
     *
     * @param burst  bucket size, at least 1
     * @param refill time for one token to come back, positive
     */
    public record DeviceRate(int burst, Duration refill) {
        public static final DeviceRate DEFAULT = new DeviceRate(50, Duration.ofMillis(20));

        public DeviceRate {
            if (burst < 1 || refill.isNegative() || refill.isZero()) {
                throw new IllegalArgumentException("burst at least 1, refill positive");
            }
        }
    }

    public boolean usesEmbeddedBroker() {
        return externalBroker.isEmpty();
    }

    @Override
    public String toString() {
        return "Settings[http=" + httpPort + ", broker=" + externalBroker.map(URI::toString).orElse("embedded:" + mqttPort)
                + ", coap=" + coapPort + (coapPlain ? " (plain on)" : "") + ", dataDir=" + dataDir + ", database=" + database
                + ", adminToken=" + (adminToken.isPresent() ? "***" : "stored") + ", masterKey=" + (masterKey.isPresent() ? "***" : "stored") + "]";
    }
}
