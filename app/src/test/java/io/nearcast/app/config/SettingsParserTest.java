package io.nearcast.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsParserTest {

    private static Settings parse(Map<Setting, String> values) {
        return new SettingsParser(setting -> Optional.ofNullable(values.get(setting))).parse();
    }

    private static Map<Setting, String> with(Setting setting, String value) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        values.put(setting, value);
        return values;
    }

    @Test
    void appliesTheContractsDefaultsWhenNothingIsSet() {
        Settings settings = parse(Map.of());

        assertThat(settings.httpPort()).isEqualTo(PortRequest.byDefault(8080));
        assertThat(settings.mqttPort()).isEqualTo(PortRequest.byDefault(1883));
        assertThat(settings.coapPort()).isEqualTo(PortRequest.byDefault(5683));
        assertThat(settings.usesEmbeddedBroker()).isTrue();
        assertThat(settings.dataDir()).isEqualTo(Path.of("./data").toAbsolutePath().normalize());
        assertThat(settings.database().url()).startsWith("jdbc:h2:file:" + settings.dataDir().resolve("nearcast"));
        assertThat(settings.adminToken()).isEmpty();
        assertThat(settings.masterKey()).isEmpty();
        assertThat(settings.shutdownGrace()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void treatsBlankValuesAsUnset() {
        assertThat(parse(with(Setting.HTTP_PORT, "  ")).httpPort()).isEqualTo(PortRequest.byDefault(8080));
    }

    @Test
    void marksOperatorChosenPortsAsExplicitAndAcceptsZero() {
        assertThat(parse(with(Setting.HTTP_PORT, "0")).httpPort()).isEqualTo(PortRequest.explicit(0));
        assertThat(parse(with(Setting.MQTT_PORT, "18830")).mqttPort()).isEqualTo(PortRequest.explicit(18830));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "HTTP_PORT   | abc                 | NEARCAST_HTTP_PORT: 'abc' is not a port number",
        "MQTT_PORT   | 70000               | NEARCAST_MQTT_PORT: '70000' is not a port number",
        "COAP_PORT   | -1                  | NEARCAST_COAP_PORT: '-1' is not a port number",
        "COAP_PORT   | 65535               | NEARCAST_COAP_PORT: 65535 leaves no port for CoAP over DTLS",
        "MQTT_URL    | 127.0.0.1:1883      | NEARCAST_MQTT_URL: '127.0.0.1:1883' is not a broker URL (expected tcp://host:port",
        "MQTT_URL    | tcp://u:p@host:1883 | NEARCAST_MQTT_URL: must not carry credentials",
        "DB_URL      | jdbc:mysql://x/db   | NEARCAST_DB_URL: 'jdbc:mysql://x/db' is not supported",
        "MASTER_KEY  | not-base64!!        | NEARCAST_MASTER_KEY: not valid base64",
        "MASTER_KEY  | AAAAAAAAAAAAAAAAAAAAAA== | NEARCAST_MASTER_KEY: must decode to 32 bytes (AES-256), got 16",
        "ADMIN_TOKEN | short               | NEARCAST_ADMIN_TOKEN: too short (5 characters; at least 24)",
        "PUBLIC_URL  | ftp://x             | NEARCAST_PUBLIC_URL: 'ftp://x' must be an absolute http:// or https:// URL",
        "SHUTDOWN_GRACE | soon             | NEARCAST_SHUTDOWN_GRACE: 'soon' is not a duration",
        "RETENTION   | a month             | NEARCAST_RETENTION: 'a month' is not a duration",
        "RETENTION   | 30m                 | NEARCAST_RETENTION: '30m' is shorter than the minimum of 1h",
        "MQTT_DYNSEC | yes                 | NEARCAST_MQTT_DYNSEC: 'yes' is neither true nor false",
        "MQTT_DYNSEC | true                | NEARCAST_MQTT_DYNSEC: needs an external broker",
        "COAP_PLAIN  | on                  | NEARCAST_COAP_PLAIN: 'on' is neither true nor false",
        "DEVICE_RATE_LIMIT | fast          | NEARCAST_DEVICE_RATE_LIMIT: 'fast' is not <n>/s or <n>/min",
        "DEVICE_RATE_LIMIT | 0/s           | NEARCAST_DEVICE_RATE_LIMIT: '0/s': n must be 1 to 1000000",
        "SIGHTINGS   | kafka               | NEARCAST_SIGHTINGS: 'kafka' is neither in-process nor mqtt",
    })
    void namesTheVariableAndTheProblem(Setting setting, String value, String message) {
        assertThatThrownBy(() -> parse(with(setting, value)))
                .isInstanceOf(ConfigurationError.class)
                .hasMessageStartingWith(message)
                .satisfies(e -> assertThat(((ConfigurationError) e).setting()).isEqualTo(setting))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void readsTheIngestSettings() {
        Settings defaults = parse(Map.of());
        assertThat(defaults.coapPlain()).isFalse();
        assertThat(defaults.deviceRate()).isEqualTo(new Settings.DeviceRate(50, java.time.Duration.ofMillis(20)));
        assertThat(defaults.sightingsOverMqtt()).isFalse();

        assertThat(parse(with(Setting.COAP_PLAIN, "true")).coapPlain()).isTrue();
        assertThat(parse(with(Setting.DEVICE_RATE_LIMIT, "120/min")).deviceRate()).isEqualTo(new Settings.DeviceRate(120, java.time.Duration.ofMillis(500)));
        assertThat(parse(with(Setting.SIGHTINGS, "mqtt")).sightingsOverMqtt()).isTrue();
    }

    @Test
    void readsTheCampaignRespectRules() {
        io.nearcast.campaign.domain.RespectRules defaults = parse(Map.of()).respect();
        assertThat(defaults).isEqualTo(io.nearcast.campaign.domain.RespectRules.standard());
        assertThat(parse(Map.of()).exploration()).isEqualTo(0.05);

        Settings custom = parse(Map.of(Setting.CAMPAIGN_OFFERS_PER_VISIT, "1", Setting.CAMPAIGN_QUIET_HOURS, "21:30-07:00",
                Setting.CAMPAIGN_COOLDOWN_AFTER_DISMISS, "7d", Setting.CAMPAIGN_COOLDOWN_AFTER_REDEMPTION, "6h", Setting.CAMPAIGN_EXPLORATION, "0.2"));
        assertThat(custom.respect().offersPerVisit()).isEqualTo(1);
        assertThat(custom.respect().quietHours()).contains(new io.nearcast.campaign.domain.LocalTimeRange(java.time.LocalTime.of(21, 30), java.time.LocalTime.of(7, 0)));
        assertThat(custom.respect().defaults().cooldownAfterDismiss()).contains(java.time.Duration.ofDays(7));
        assertThat(custom.exploration()).isEqualTo(0.2);
    }

    @Test
    void refusesCampaignRulesThatWouldBePushyOrCannotHold() {
        assertThatThrownBy(() -> parse(Map.of(Setting.CAMPAIGN_COOLDOWN_AFTER_DISMISS, "1h", Setting.CAMPAIGN_COOLDOWN_AFTER_REDEMPTION, "2h")))
                .hasMessageContaining("NEARCAST_CAMPAIGN_COOLDOWN_AFTER_DISMISS").hasMessageContaining("left alone longer");
        assertThatThrownBy(() -> parse(with(Setting.CAMPAIGN_COOLDOWN_AFTER_DISMISS, "8d"))).hasMessageContaining("maximum of 7d");
        assertThatThrownBy(() -> parse(with(Setting.CAMPAIGN_QUIET_HOURS, "21:00-21:00"))).hasMessageContaining("NEARCAST_CAMPAIGN_QUIET_HOURS");
        assertThatThrownBy(() -> parse(with(Setting.CAMPAIGN_QUIET_HOURS, "9pm-7am"))).hasMessageContaining("like 21:00-07:00");
        assertThatThrownBy(() -> parse(with(Setting.CAMPAIGN_OFFERS_PER_DAY, "0"))).hasMessageContaining("NEARCAST_CAMPAIGN_OFFERS_PER_DAY");
        assertThatThrownBy(() -> parse(with(Setting.CAMPAIGN_EXPLORATION, "1.5"))).hasMessageContaining("NEARCAST_CAMPAIGN_EXPLORATION");
    }

    @Test
    void keepsRawShopperDataThirtyDaysUnlessToldOtherwise() {
        assertThat(parse(Map.of()).retention()).isEqualTo(java.time.Duration.ofDays(30));
        assertThat(parse(with(Setting.RETENTION, "12h")).retention()).isEqualTo(java.time.Duration.ofHours(12));
        assertThat(parse(with(Setting.RETENTION, "P7D")).retention()).isEqualTo(java.time.Duration.ofDays(7));
    }

    @Test
    void managesBrokerAccountsOnlyOnAnExternalBrokerWithAnAccountOfItsOwn() {
        Map<Setting, String> values = new java.util.HashMap<>(Map.of(Setting.MQTT_URL, "tcp://127.0.0.1:1883", Setting.MQTT_DYNSEC, "true"));
        assertThatThrownBy(() -> parse(values)).hasMessageContaining("needs NEARCAST_MQTT_USERNAME and NEARCAST_MQTT_PASSWORD");
        values.put(Setting.MQTT_USERNAME, "nearcast");
        values.put(Setting.MQTT_PASSWORD, "secret");
        assertThat(parse(values).mqttDynsec()).isTrue();
        assertThat(parse(Map.of()).mqttDynsec()).isFalse();
    }

    @Test
    void neverEchoesAPasswordFromTheDatabaseUrl() {
        assertThatThrownBy(() -> parse(with(Setting.DB_URL, "jdbc:oracle:thin:@h:1521/x?password=hunter2")))
                .hasMessageNotContaining("hunter2");
        DatabaseSettings database = parse(with(Setting.DB_URL, "jdbc:postgresql://h/db?user=u&password=hunter2")).database();
        assertThat(database.redactedUrl()).doesNotContain("hunter2").contains("password=***");
        assertThat(database.toString()).doesNotContain("hunter2");
    }

    @Test
    void neverEchoesCredentialsFromAMalformedBrokerUrl() {
        assertThatThrownBy(() -> parse(with(Setting.MQTT_URL, "mqtt://user:hunter2@broker")))
                .hasMessageNotContaining("hunter2")
                .hasMessageContaining("'mqtt://***@broker' is not a broker URL");
        assertThatThrownBy(() -> parse(with(Setting.MQTT_URL, "tcp://user:hunter2@bro ker:1883")))
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void readsDurationsInCommonForms() {
        assertThat(SettingsParser.duration(Setting.SHUTDOWN_GRACE, "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(SettingsParser.duration(Setting.SHUTDOWN_GRACE, "2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(SettingsParser.duration(Setting.SHUTDOWN_GRACE, "PT3S")).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void keepsErrorLinesShortAndSingleLineWhateverWasTyped() {
        String typed = "x".repeat(500) + "\nsecond line";
        assertThatThrownBy(() -> parse(with(Setting.HTTP_PORT, typed)))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").hasSizeLessThan(200));
    }
}
