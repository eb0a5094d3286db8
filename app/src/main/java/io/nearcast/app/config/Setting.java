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
            "how long raw per-shopper data (sightings, positions) is kept; an hourly run deletes older data, anonymous aggregates stay (at least 1h)");

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
