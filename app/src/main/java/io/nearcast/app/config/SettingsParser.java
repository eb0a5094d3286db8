package io.nearcast.app.config;

import io.nearcast.geofence.domain.PresenceRules;
import io.nearcast.kernel.domain.MasterKey;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import io.nearcast.campaign.domain.Caps;
import io.nearcast.campaign.domain.LocalTimeRange;
import io.nearcast.campaign.domain.RespectRules;
import java.time.Duration;
import java.time.LocalTime;
import java.util.OptionalInt;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns raw configuration text into {@link Settings}, or fails with a {@link ConfigurationError}
 * naming the first bad variable. Pure: reads nothing but the lookup it is given.
 */
public final class SettingsParser {

    /** Shortest administrator token accepted from the operator (characters). */
    static final int MIN_ADMIN_TOKEN_LENGTH = 24;

    private static final Set<String> BROKER_SCHEMES = Set.of("tcp", "ssl", "ws", "wss");

    private final Function<Setting, Optional<String>> raw;

    /**
     * @param raw the configured text per setting, empty when unset; blank text counts as unset
     */
    public SettingsParser(Function<Setting, Optional<String>> raw) {
        this.raw = setting -> raw.apply(setting).map(String::strip).filter(text -> !text.isEmpty());
    }

    public Settings parse() {
        Path dataDir = dataDir();
        PortRequest coapPort = port(Setting.COAP_PORT, 5683);
        if (coapPort.port() == 65_535) {
            throw new ConfigurationError(Setting.COAP_PORT, "65535 leaves no port for CoAP over DTLS (port + 1)");
        }
        Optional<URI> externalBroker = raw.apply(Setting.MQTT_URL).map(this::brokerUri);
        return new Settings(
                port(Setting.HTTP_PORT, 8080),
                externalBroker,
                raw.apply(Setting.MQTT_USERNAME),
                raw.apply(Setting.MQTT_PASSWORD),
                dynsec(externalBroker.isPresent()),
                port(Setting.MQTT_PORT, 1883),
                coapPort,
                flag(Setting.COAP_PLAIN),
                raw.apply(Setting.DEVICE_RATE_LIMIT).map(SettingsParser::deviceRate).orElse(Settings.DeviceRate.DEFAULT),
                raw.apply(Setting.SIGHTINGS).map(SettingsParser::sightingsOverMqtt).orElse(false),
                dataDir,
                database(dataDir),
                raw.apply(Setting.ADMIN_TOKEN).map(SettingsParser::adminToken),
                raw.apply(Setting.MASTER_KEY).map(SettingsParser::masterKey),
                raw.apply(Setting.PUBLIC_URL).map(SettingsParser::publicUrl),
                raw.apply(Setting.SHUTDOWN_GRACE).map(text -> duration(Setting.SHUTDOWN_GRACE, text)).orElse(Duration.ofSeconds(15)),
                raw.apply(Setting.RETENTION).map(SettingsParser::retention).orElse(Duration.ofDays(30)),
                presence(),
                (int) number(Setting.GEOFENCE_MAX_SHOPPERS, 100_000, 1, 10_000_000, true),
                respect(),
                number(Setting.CAMPAIGN_EXPLORATION, 0.05, 0, 1, false));
    }

    /** The campaign service's respect rules; each value range-checked here, the combination by {@link RespectRules}. */
    private RespectRules respect() {
        RespectRules standard = RespectRules.standard();
        Caps defaults = standard.defaults();
        Duration dismiss = cooldown(Setting.CAMPAIGN_COOLDOWN_AFTER_DISMISS, defaults.cooldownAfterDismiss().orElseThrow());
        Duration redemption = cooldown(Setting.CAMPAIGN_COOLDOWN_AFTER_REDEMPTION, defaults.cooldownAfterRedemption().orElseThrow());
        if (dismiss.compareTo(redemption) < 0) {
            throw new ConfigurationError(Setting.CAMPAIGN_COOLDOWN_AFTER_DISMISS, "is " + dismiss + ", shorter than "
                    + Setting.CAMPAIGN_COOLDOWN_AFTER_REDEMPTION.variable() + " (" + redemption + "): a shopper who dismissed an offer is left alone longer than one who redeemed it");
        }
        Caps caps = new Caps(OptionalInt.of((int) number(Setting.CAMPAIGN_CAP_PER_DAY, 1, 1, 100, true)),
                OptionalInt.of((int) number(Setting.CAMPAIGN_CAP_PER_WEEK, 2, 1, 700, true)),
                Optional.of(dismiss), Optional.of(redemption), Optional.empty());
        Optional<LocalTimeRange> quiet = raw.apply(Setting.CAMPAIGN_QUIET_HOURS).map(SettingsParser::quietHours);
        return new RespectRules((int) number(Setting.CAMPAIGN_OFFERS_PER_VISIT, standard.offersPerVisit(), 1, 100, true),
                (int) number(Setting.CAMPAIGN_OFFERS_PER_DAY, standard.offersPerDay(), 1, 1000, true), quiet, caps,
                optionalDuration(Setting.CAMPAIGN_VISIT_GAP, standard.visitGap(), true),
                offerValidity(optionalDuration(Setting.CAMPAIGN_OFFER_VALIDITY, standard.offerValidity(), true)));
    }

    /** Whole minutes from 1 min to 30 days, as a campaign's {@code offerValidityMinutes}. */
    private static Duration offerValidity(Duration validity) {
        if (validity.toSeconds() % 60 != 0 || validity.toMinutes() < 1 || validity.toDays() > 30) {
            throw new ConfigurationError(Setting.CAMPAIGN_OFFER_VALIDITY, "'" + validity + "' is not whole minutes from 1m to 30d");
        }
        return validity;
    }

    private Duration cooldown(Setting setting, Duration byDefault) {
        Duration value = optionalDuration(setting, byDefault, false);
        if (value.compareTo(RespectRules.LOOKBACK) > 0) {
            throw new ConfigurationError(setting, "'" + value + "' is longer than the maximum of 7d (caps look back 7 days)");
        }
        return value;
    }

    /** {@code HH:MM-HH:MM}, store-local, may wrap midnight. */
    private static LocalTimeRange quietHours(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{2}):(\\d{2})-(\\d{2}):(\\d{2})").matcher(text.trim());
        try {
            if (m.matches()) {
                return new LocalTimeRange(LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))),
                        LocalTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))));
            }
        } catch (java.time.DateTimeException | IllegalArgumentException e) {
            // reported below
        }
        throw new ConfigurationError(Setting.CAMPAIGN_QUIET_HOURS, "'" + printable(text) + "' is not a range like 21:00-07:00 (two different times)");
    }

    /** The geofence rules from their settings; each value is range-checked here, the combination by {@link PresenceRules}. */
    private PresenceRules presence() {
        PresenceRules defaults = PresenceRules.defaults();
        PresenceRules.BeaconRules beacon = defaults.beacon()
                .withRangeMeters(number(Setting.GEOFENCE_BEACON_RANGE_METERS, defaults.beacon().rangeMeters(), 0.1, 1_000, false))
                .withPathLossExponent(number(Setting.GEOFENCE_PATH_LOSS_EXPONENT, defaults.beacon().pathLossExponent(), 1, 6, false))
                .withMarginDb(number(Setting.GEOFENCE_SWITCH_MARGIN_DB, defaults.beacon().marginDb(), 0, 40, false))
                .withSwitchTime(optionalDuration(Setting.GEOFENCE_SWITCH_TIME, defaults.beacon().switchTime(), false))
                .withSilence(optionalDuration(Setting.GEOFENCE_BEACON_SILENCE, defaults.beacon().silence(), true));
        PresenceRules.GpsRules gps = new PresenceRules.GpsRules(
                number(Setting.GEOFENCE_GPS_MAX_ACCURACY_METERS, defaults.gps().maxAccuracyMeters(), 1, 10_000, false),
                number(Setting.GEOFENCE_GPS_MAX_SPEED_KMH, 250, 1, 10_000, false) / 3.6,
                optionalDuration(Setting.GEOFENCE_GPS_SILENCE, defaults.gps().silence(), true));
        return defaults.withReorderWindow(optionalDuration(Setting.GEOFENCE_REORDER_WINDOW, defaults.reorderWindow(), false))
                .withDefaultDwell(optionalDuration(Setting.GEOFENCE_DWELL, defaults.defaultDwell(), true))
                .withBeacon(beacon)
                .withGps(gps);
    }

    private Duration optionalDuration(Setting setting, Duration byDefault, boolean positive) {
        Optional<String> text = raw.apply(setting);
        if (text.isEmpty()) {
            return byDefault;
        }
        Duration value = duration(setting, text.get());
        if (positive && value.isZero()) {
            throw new ConfigurationError(setting, "'" + printable(text.get()) + "' must be longer than 0");
        }
        return value;
    }

    /** A decimal number from min to max (an integer when {@code integral}), or the default when unset. */
    private double number(Setting setting, double byDefault, double min, double max, boolean integral) {
        Optional<String> text = raw.apply(setting);
        if (text.isEmpty()) {
            return byDefault;
        }
        try {
            double value = integral ? Long.parseLong(text.get()) : Double.parseDouble(text.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigurationError(setting, "'" + printable(text.get()) + "' is not " + (integral ? "a whole number" : "a number")
                + " from " + plain(min) + " to " + plain(max));
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** A true/false setting, false when unset. */
    private boolean flag(Setting setting) {
        Optional<String> text = raw.apply(setting);
        if (text.isEmpty() || text.get().equalsIgnoreCase("false")) {
            return false;
        }
        if (!text.get().equalsIgnoreCase("true")) {
            throw new ConfigurationError(setting, "'" + printable(text.get()) + "' is neither true nor false");
        }
        return true;
    }

    /** Managing accounts needs an external broker and an account of its own there. */
    private boolean dynsec(boolean externalBroker) {
        if (!flag(Setting.MQTT_DYNSEC)) {
            return false;
        }
        if (!externalBroker) {
            throw new ConfigurationError(Setting.MQTT_DYNSEC, "needs an external broker (NEARCAST_MQTT_URL); the embedded broker reads device accounts from the registry itself");
        }
        if (raw.apply(Setting.MQTT_USERNAME).isEmpty() || raw.apply(Setting.MQTT_PASSWORD).isEmpty()) {
            throw new ConfigurationError(Setting.MQTT_DYNSEC, "needs NEARCAST_MQTT_USERNAME and NEARCAST_MQTT_PASSWORD of an account in the plugin's admin role");
        }
        return true;
    }

    private PortRequest port(Setting setting, int defaultPort) {
        Optional<String> text = raw.apply(setting);
        if (text.isEmpty()) {
            return PortRequest.byDefault(defaultPort);
        }
        try {
            int port = Integer.parseInt(text.get());
            if (port >= 0 && port <= 65_535) {
                return PortRequest.explicit(port);
            }
        } catch (NumberFormatException e) {
            // reported below with the offending text
        }
        throw new ConfigurationError(setting, "'" + printable(text.get()) + "' is not a port number (0-65535; 0 picks a free port)");
    }

    private URI brokerUri(String text) {
        URI uri = null;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            // reported below
        }
        boolean usable = uri != null && uri.getScheme() != null && BROKER_SCHEMES.contains(uri.getScheme()) && uri.getHost() != null;
        if (!usable) {
            throw new ConfigurationError(Setting.MQTT_URL, "'" + printable(withoutUserInfo(text)) + "' is not a broker URL (expected tcp://host:port, ssl://…, ws://… or wss://…)");
        }
        if (uri.getUserInfo() != null) {
            throw new ConfigurationError(Setting.MQTT_URL, "must not carry credentials; use NEARCAST_MQTT_USERNAME and NEARCAST_MQTT_PASSWORD");
        }
        return uri;
    }

    private Path dataDir() {
        String text = raw.apply(Setting.DATA_DIR).orElse("./data");
        try {
            return Path.of(text).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new ConfigurationError(Setting.DATA_DIR, "'" + printable(text) + "' is not a valid path (" + e.getReason() + ")");
        }
    }

    private DatabaseSettings database(Path dataDir) {
        String url = raw.apply(Setting.DB_URL).orElseGet(() -> defaultH2Url(dataDir));
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            String shown = new DatabaseSettings(url, Optional.empty(), Optional.empty()).redactedUrl();
            throw new ConfigurationError(Setting.DB_URL, "'" + printable(shown) + "' is not supported (use jdbc:h2:… or jdbc:postgresql:…)");
        }
        return new DatabaseSettings(url, raw.apply(Setting.DB_USER), raw.apply(Setting.DB_PASSWORD));
    }

    /** The embedded default: a file database in the data dir, in PostgreSQL mode so one set of migrations serves both. */
    static String defaultH2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("nearcast") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    private static String adminToken(String token) {
        adminTokenProblem(token).ifPresent(problem -> {
            throw new ConfigurationError(Setting.ADMIN_TOKEN, problem);
        });
        return token;
    }

    /** What is wrong with an administrator token, if anything; the same rule for a configured and a stored token. */
    public static Optional<String> adminTokenProblem(String token) {
        if (token.length() < MIN_ADMIN_TOKEN_LENGTH) {
            return Optional.of("too short (" + token.length() + " characters; at least " + MIN_ADMIN_TOKEN_LENGTH + ")");
        }
        if (!token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return Optional.of("may contain only printable ASCII without spaces");
        }
        return Optional.empty();
    }

    private static MasterKey masterKey(String text) {
        try {
            return MasterKey.fromBase64(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationError(Setting.MASTER_KEY, e.getMessage() + "; expected 32 random bytes in base64, e.g. from `openssl rand -base64 32`");
        }
    }

    private static URI publicUrl(String text) {
        try {
            URI uri = new URI(text);
            boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            if (web && uri.getHost() != null && uri.getQuery() == null && uri.getFragment() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new ConfigurationError(Setting.PUBLIC_URL, "'" + printable(text) + "' must be an absolute http:// or https:// URL without query or fragment");
    }

    private static boolean sightingsOverMqtt(String text) {
        return switch (text) {
            case "in-process" -> false;
            case "mqtt" -> true;
            default -> throw new ConfigurationError(Setting.SIGHTINGS, "'" + printable(text) + "' is neither in-process nor mqtt");
        };
    }

    /** {@code <n>/s} or {@code <n>/min}, n from 1 to 1,000,000: a burst of n, then one token every unit/n. */
    private static Settings.DeviceRate deviceRate(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,7})/(s|min)").matcher(text);
        if (!m.matches()) {
            throw new ConfigurationError(Setting.DEVICE_RATE_LIMIT, "'" + printable(text) + "' is not <n>/s or <n>/min, e.g. 50/s");
        }
        int n = Integer.parseInt(m.group(1));
        if (n < 1 || n > 1_000_000) {
            throw new ConfigurationError(Setting.DEVICE_RATE_LIMIT, "'" + printable(text) + "': n must be 1 to 1000000");
        }
        Duration unit = m.group(2).equals("s") ? Duration.ofSeconds(1) : Duration.ofMinutes(1);
        return new Settings.DeviceRate(n, unit.dividedBy(n));
    }

    /** At least an hour: the retention run is hourly, and shorter would delete data still being processed. */
    private static Duration retention(String text) {
        Duration retention = duration(Setting.RETENTION, text);
        if (retention.compareTo(Duration.ofHours(1)) < 0) {
            throw new ConfigurationError(Setting.RETENTION, "'" + printable(text) + "' is shorter than the minimum of 1h");
        }
        return retention;
    }

    /** Reads {@code 500ms}, {@code 15s}, {@code 2m}, {@code 12h}, {@code 30d} or ISO-8601 ({@code PT15S}). */
    static Duration duration(Setting setting, String text) {
        try {
            Duration duration;
            if (text.startsWith("P") || text.startsWith("p")) {
                duration = Duration.parse(text);
            } else if (text.endsWith("ms")) {
                duration = Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            } else if (text.endsWith("s")) {
                duration = Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
            } else if (text.endsWith("m")) {
                duration = Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
            } else if (text.endsWith("h")) {
                duration = Duration.ofHours(Long.parseLong(text.substring(0, text.length() - 1)));
            } else if (text.endsWith("d")) {
                duration = Duration.ofDays(Long.parseLong(text.substring(0, text.length() - 1)));
            } else {
                throw new NumberFormatException();
            }
            if (!duration.isNegative()) {
                return duration;
            }
        } catch (RuntimeException e) {
            // reported below
        }
        throw new ConfigurationError(setting, "'" + printable(text) + "' is not a duration (e.g. 500ms, 15s, 2m, 12h, 30d)");
    }

    /** Drops a {@code user:password@} part, so a malformed URL never puts a password into an error line. */
    static String withoutUserInfo(String url) {
        return url.replaceFirst("^([^:/]*://)[^/@]*@", "$1***@");
    }

    /** Keeps error lines single-line and short whatever the operator typed. */
    private static String printable(String text) {
        String oneLine = text.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() > 80 ? oneLine.substring(0, 77) + "..." : oneLine;
    }
}
