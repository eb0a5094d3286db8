package io.nearcast.app.config;

/**
 * Every configuration key of the all-in-one server: its environment variable, its key in
 * {@code application.yml}, its default and what it means. This enum is the documentation: the
 * README's configuration table is checked against it by a test.
 *
 * <p>An environment variable overrides the {@code application.yml} key; an empty value counts
 * as unset.
 */
public enum Setting {
    HTTP_PORT("NEARCAST_HTTP_PORT", "nearcast.http-port", "8080",
            "HTTP (API, landing pages, console); 0 picks a free port"),
    MQTT_URL("NEARCAST_MQTT_URL", "nearcast.mqtt-url", "unset",
            "external broker, e.g. tcp://127.0.0.1:1883; unset = start the embedded broker"),
    MQTT_USERNAME("NEARCAST_MQTT_USERNAME", "nearcast.mqtt-username", "unset",
            "user name Nearcast uses on an external broker"),
    MQTT_PASSWORD("NEARCAST_MQTT_PASSWORD", "nearcast.mqtt-password", "unset",
            "password Nearcast uses on an external broker"),
    MQTT_DYNSEC("NEARCAST_MQTT_DYNSEC", "nearcast.mqtt-dynsec", "false",
            "true: Nearcast creates, rotates and disables each device's account on the external Mosquitto through its dynamic-security plugin (mqtt-config/mosquitto/nearcast-dynsec.conf)"),
    MQTT_PORT("NEARCAST_MQTT_PORT", "nearcast.mqtt-port", "1883",
            "port of the embedded broker; 0 picks a free port"),
    COAP_PORT("NEARCAST_COAP_PORT", "nearcast.coap-port", "5683",
            "CoAP over UDP; CoAP over DTLS (PSK) listens on this port + 1 (with 0, both pick free ports)"),
    COAP_PLAIN("NEARCAST_COAP_PLAIN", "nearcast.coap-plain", "false",
            "true: also serve plain (unencrypted, unauthenticated) CoAP on NEARCAST_COAP_PORT, devices named by ?device=<id>; for development only"),
    DEVICE_RATE_LIMIT("NEARCAST_DEVICE_RATE_LIMIT", "nearcast.device-rate-limit", "50/s",
            "messages one device may send, as <n>/s or <n>/min: a burst of n, then one every 1/n of the unit; more are rejected (rate-limited, CoAP 4.29)"),
    SIGHTINGS("NEARCAST_SIGHTINGS", "nearcast.sightings", "in-process",
            "where accepted sightings go: in-process (the geofence service in this JVM) or mqtt (published at QoS 1 to nearcast/v1/internal/stores/{storeId}/sightings for geofence services in other processes)"),
    DB_URL("NEARCAST_DB_URL", "nearcast.db-url", "jdbc:h2:file:${data}/nearcast",
            "JDBC URL; H2 or PostgreSQL"),
    DB_USER("NEARCAST_DB_USER", "nearcast.db-user", "unset",
            "database user"),
    DB_PASSWORD("NEARCAST_DB_PASSWORD", "nearcast.db-password", "unset",
            "database password"),
    DATA_DIR("NEARCAST_DATA_DIR", "nearcast.data-dir", "./data",
            "where the embedded database, broker state and generated secrets live"),
    ADMIN_TOKEN("NEARCAST_ADMIN_TOKEN", "nearcast.admin-token", "generated",
            "bearer token of the first administrator; if unset, generated on first start into the data dir (owner-only) and printed once"),
    MASTER_KEY("NEARCAST_MASTER_KEY", "nearcast.master-key", "generated",
            "base64 AES-256 key that encrypts secrets at rest; if unset, generated into the data dir"),
    PUBLIC_URL("NEARCAST_PUBLIC_URL", "nearcast.public-url", "http://localhost:${port}",
            "base of every URL printed on tags and QR codes"),
    SHUTDOWN_GRACE("NEARCAST_SHUTDOWN_GRACE", "nearcast.shutdown-grace", "15s",
            "how long a shutdown waits for in-flight work before closing anyway"),
    RETENTION("NEARCAST_RETENTION", "nearcast.retention", "30d",
            "how long raw per-shopper data (sightings, positions) is kept; an hourly run deletes older data, anonymous aggregates stay (at least 1h)"),
    GEOFENCE_REORDER_WINDOW("NEARCAST_GEOFENCE_REORDER_WINDOW", "nearcast.geofence.reorder-window", "1s",
            "how long a sighting or fix waits for earlier ones still on their way (processed in time order after it); older ones are counted late. 0s processes at once"),
    GEOFENCE_DWELL("NEARCAST_GEOFENCE_DWELL", "nearcast.geofence.dwell", "30s",
            "time in a zone after which a visit gets its dwell event, for zones without their own dwellSeconds"),
    GEOFENCE_BEACON_RANGE_METERS("NEARCAST_GEOFENCE_BEACON_RANGE_METERS", "nearcast.geofence.beacon-range-meters", "10",
            "largest estimated distance (path-loss model) at which a beacon places a shopper in its zone"),
    GEOFENCE_PATH_LOSS_EXPONENT("NEARCAST_GEOFENCE_PATH_LOSS_EXPONENT", "nearcast.geofence.path-loss-exponent", "2.0",
            "n of the log-distance model rssi = txPower - 10 n log10(d): 2 in free space, 2.5 to 4 in a crowded store"),
    GEOFENCE_SWITCH_MARGIN_DB("NEARCAST_GEOFENCE_SWITCH_MARGIN_DB", "nearcast.geofence.switch-margin-db", "6",
            "hysteresis: another zone takes over only when its smoothed signal is stronger by this many dB (and a zone is left this far below its range)"),
    GEOFENCE_SWITCH_TIME("NEARCAST_GEOFENCE_SWITCH_TIME", "nearcast.geofence.switch-time", "5s",
            "hysteresis: how long a change of beacon zone (or leaving it) must hold before the events go out"),
    GEOFENCE_BEACON_SILENCE("NEARCAST_GEOFENCE_BEACON_SILENCE", "nearcast.geofence.beacon-silence", "30s",
            "a shopper whose zone's beacons were not heard for this long gets an exit (at the last sighting)"),
    GEOFENCE_GPS_MAX_ACCURACY_METERS("NEARCAST_GEOFENCE_GPS_MAX_ACCURACY_METERS", "nearcast.geofence.gps-max-accuracy-meters", "50",
            "GPS fixes with a worse accuracy radius are ignored (counted)"),
    GEOFENCE_GPS_MAX_SPEED_KMH("NEARCAST_GEOFENCE_GPS_MAX_SPEED_KMH", "nearcast.geofence.gps-max-speed-kmh", "250",
            "a fix further from the last one than this speed allows (after both accuracy radii) is flagged suspicious and ignored"),
    GEOFENCE_GPS_SILENCE("NEARCAST_GEOFENCE_GPS_SILENCE", "nearcast.geofence.gps-silence", "10m",
            "a shopper placed in a zone by GPS who sent no fix for this long gets an exit (at the last fix)"),
    GEOFENCE_MAX_SHOPPERS("NEARCAST_GEOFENCE_MAX_SHOPPERS", "nearcast.geofence.max-shoppers", "100000",
            "consenting shoppers tracked at once; beyond it the quietest is let go (exit reason evicted, counted)"),
    CAMPAIGN_OFFERS_PER_VISIT("NEARCAST_CAMPAIGN_OFFERS_PER_VISIT", "nearcast.campaign.offers-per-visit", "2",
            "most offers one shopper gets in one store visit, over all campaigns"),
    CAMPAIGN_OFFERS_PER_DAY("NEARCAST_CAMPAIGN_OFFERS_PER_DAY", "nearcast.campaign.offers-per-day", "4",
            "most offers one shopper gets per store-local day, over all campaigns and stores"),
    CAMPAIGN_QUIET_HOURS("NEARCAST_CAMPAIGN_QUIET_HOURS", "nearcast.campaign.quiet-hours", "unset",
            "store-local hours without any offer, e.g. 21:00-07:00 (may wrap midnight)"),
    CAMPAIGN_CAP_PER_DAY("NEARCAST_CAMPAIGN_CAP_PER_DAY", "nearcast.campaign.cap-per-day", "1",
            "offers of one campaign per shopper per store-local day, for campaigns without caps.perShopperPerDay"),
    CAMPAIGN_CAP_PER_WEEK("NEARCAST_CAMPAIGN_CAP_PER_WEEK", "nearcast.campaign.cap-per-week", "2",
            "offers of one campaign per shopper in 7 days, for campaigns without caps.perShopperPerWeek"),
    CAMPAIGN_COOLDOWN_AFTER_DISMISS("NEARCAST_CAMPAIGN_COOLDOWN_AFTER_DISMISS", "nearcast.campaign.cooldown-after-dismiss", "3d",
            "pause of a campaign for a shopper who dismissed its offer (at most 7d, at least the cooldown after a redemption)"),
    CAMPAIGN_COOLDOWN_AFTER_REDEMPTION("NEARCAST_CAMPAIGN_COOLDOWN_AFTER_REDEMPTION", "nearcast.campaign.cooldown-after-redemption", "1d",
            "pause of a campaign for a shopper who redeemed its offer (at most 7d)"),
    CAMPAIGN_OFFER_VALIDITY("NEARCAST_CAMPAIGN_OFFER_VALIDITY", "nearcast.campaign.offer-validity", "2h",
            "how long an offer can be redeemed, for campaigns without offerValidityMinutes"),
    CAMPAIGN_VISIT_GAP("NEARCAST_CAMPAIGN_VISIT_GAP", "nearcast.campaign.visit-gap", "30m",
            "a store visit (for the per-visit limits) ends after this long without a zone event, tap or scan of the shopper"),
    CAMPAIGN_EXPLORATION("NEARCAST_CAMPAIGN_EXPLORATION", "nearcast.campaign.exploration", "0.05",
            "share of offers whose variant is drawn uniformly instead of by Thompson sampling (0 to 1)");

    private final String variable;
    private final String key;
    private final String defaultValue;
    private final String meaning;

    Setting(String variable, String key, String defaultValue, String meaning) {
        this.variable = variable;
        this.key = key;
        this.defaultValue = defaultValue;
        this.meaning = meaning;
    }

    /** The environment variable, e.g. {@code NEARCAST_HTTP_PORT}. */
    public String variable() {
        return variable;
    }

    /** The {@code application.yml} key, e.g. {@code nearcast.http-port}. */
    public String key() {
        return key;
    }

    /** The default as documented (may name another setting, like {@code ${data}}). */
    public String documentedDefault() {
        return defaultValue;
    }

    public String meaning() {
        return meaning;
    }
}
