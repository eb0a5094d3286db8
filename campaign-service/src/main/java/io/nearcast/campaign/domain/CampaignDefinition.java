package io.nearcast.campaign.domain;

import static io.nearcast.campaign.domain.JsonValues.array;
import static io.nearcast.campaign.domain.JsonValues.object;
import static io.nearcast.campaign.domain.JsonValues.onlyKnown;
import static io.nearcast.campaign.domain.JsonValues.required;
import static io.nearcast.campaign.domain.JsonValues.strings;
import static io.nearcast.campaign.domain.JsonValues.text;
import static io.nearcast.campaign.domain.JsonValues.whole;
import static io.nearcast.campaign.domain.JsonValues.wholeLong;

import io.nearcast.kernel.domain.InvalidField;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A campaign's JSON form (CONTRACT §2, docs/api.md): read with a 422 naming the field of the
 * first mistake, and written back in the same shape (the REST answers and the stored
 * definition). Members the reader does not know are refused, so a typo never silently means
 * "no restriction".
 */
public final class CampaignDefinition {

    public static final int MAX_NAME = 120;
    public static final int MAX_TITLE = 80;
    public static final int MAX_BODY = 500;
    public static final int MAX_LANDING = 4000;
    public static final int MAX_ZONES = 200;
    public static final int MAX_GTINS = 200;
    public static final int MAX_SEGMENTS = 20;
    public static final long MAX_COOLDOWN_MINUTES = RespectRules.LOOKBACK.toMinutes();
    public static final Pattern SEGMENT = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final Set<String> READ_ONLY = Set.of("id", "createdAt", "version");
    private static final Set<String> TOP = Set.of("name", "storeId", "status", "zoneIds", "gtins", "trigger", "schedule", "audience", "context",
            "variants", "caps", "budget", "priority", "offerValidityMinutes");

    private CampaignDefinition() {
    }

    /** @param json the parsed body; read-only members of an answer sent back ({@code id}, {@code createdAt}, {@code version}) are ignored */
    public static CampaignDraft read(Map<String, ?> json) {
        Set<String> known = new LinkedHashSet<>(TOP);
        known.addAll(READ_ONLY);
        onlyKnown("", json, known);
        String name = required("name", text("name", json.get("name"), MAX_NAME));
        String storeId = required("storeId", text("storeId", json.get("storeId"), 64));
        CampaignStatus status = Optional.ofNullable(text("status", json.get("status"), 16))
                .map(value -> CampaignStatus.ofWireName(value).orElseThrow(() -> new InvalidField("status", "must be active or paused")))
                .orElse(CampaignStatus.ACTIVE);
        Set<String> zones = new LinkedHashSet<>(Optional.ofNullable(strings("zoneIds", json.get("zoneIds"), MAX_ZONES, 64)).orElse(List.of()));
        Set<String> gtins = gtins(json.get("gtins"));
        Trigger trigger = trigger(required("trigger", object("trigger", json.get("trigger"))));
        if (trigger.type().isZoneEvent() && !gtins.isEmpty()) {
            throw new InvalidField("gtins", "apply to tap and scan triggers only");
        }
        Schedule schedule = Optional.ofNullable(object("schedule", json.get("schedule"))).map(CampaignDefinition::schedule).orElse(Schedule.ALWAYS);
        Audience audience = Optional.ofNullable(object("audience", json.get("audience"))).map(CampaignDefinition::audience).orElse(Audience.EVERYONE);
        Optional<ContextCondition> context = Optional.ofNullable(object("context", json.get("context"))).map(CampaignDefinition::context);
        List<Variant> variants = variants(required("variants", array("variants", json.get("variants"), Campaign.MAX_VARIANTS)));
        Caps caps = Optional.ofNullable(object("caps", json.get("caps"))).map(CampaignDefinition::caps).orElse(Caps.DEFAULTS);
        Budget budget = Optional.ofNullable(object("budget", json.get("budget"))).map(CampaignDefinition::budget).orElse(Budget.UNLIMITED);
        int priority = Optional.ofNullable(whole("priority", json.get("priority"), -1000, 1000)).orElse(0);
        Optional<Duration> validity = Optional.ofNullable(whole("offerValidityMinutes", json.get("offerValidityMinutes"), 1, 60 * 24 * 30))
                .map(Duration::ofMinutes);
        return new CampaignDraft(storeId, name, status, zones, gtins, trigger, schedule, audience, context, variants, caps, budget, priority, validity);
    }

    private static Set<String> gtins(Object json) {
        List<String> texts = strings("gtins", json, MAX_GTINS, 14);
        Set<String> gtins = new LinkedHashSet<>();
        if (texts != null) {
            for (int i = 0; i < texts.size(); i++) {
                String text = texts.get(i);
                int index = i;
                gtins.add(Gtin.normalise(text).orElseThrow(() -> new InvalidField("gtins[" + index + "]",
                        "is not a GTIN-8, -12, -13 or -14 with a correct check digit: " + text)));
            }
        }
        return gtins;
    }

    private static Trigger trigger(Map<String, Object> json) {
        onlyKnown("trigger", json, Set.of("type", "dwellSeconds"));
        String type = required("trigger.type", text("trigger.type", json.get("type"), 16));
        TriggerType triggerType = TriggerType.ofWireName(type)
                .orElseThrow(() -> new InvalidField("trigger.type", "must be one of enter, dwell, exit, tap, scan; got " + type));
        Integer dwell = whole("trigger.dwellSeconds", json.get("dwellSeconds"), 1, 3600);
        if (dwell != null && triggerType != TriggerType.DWELL) {
            throw new InvalidField("trigger.dwellSeconds", "applies to the dwell trigger only");
        }
        return new Trigger(triggerType, Optional.ofNullable(dwell).map(Duration::ofSeconds));
    }

    private static Schedule schedule(Map<String, Object> json) {
        onlyKnown("schedule", json, Set.of("from", "to", "days", "hours"));
        Optional<LocalDate> from = Optional.ofNullable(date("schedule.from", json.get("from")));
        Optional<LocalDate> to = Optional.ofNullable(date("schedule.to", json.get("to")));
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw new InvalidField("schedule.to", "is before schedule.from");
        }
        Set<DayOfWeek> days = EnumSet.allOf(DayOfWeek.class);
        List<String> dayNames = strings("schedule.days", json.get("days"), 7, 3);
        if (dayNames != null) {
            if (dayNames.isEmpty()) {
                throw new InvalidField("schedule.days", "must name at least one day (leave it out for every day)");
            }
            days = EnumSet.noneOf(DayOfWeek.class);
            for (int i = 0; i < dayNames.size(); i++) {
                days.add(day("schedule.days[" + i + "]", dayNames.get(i)));
            }
        }
        Optional<LocalTimeRange> hours = Optional.ofNullable(object("schedule.hours", json.get("hours"))).map(h -> timeRange("schedule.hours", h));
        return new Schedule(from, to, days, hours);
    }

    private static DayOfWeek day(String field, String name) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().substring(0, 3).equals(name)) {
                return day;
            }
        }
        throw new InvalidField(field, "must be one of MON, TUE, WED, THU, FRI, SAT, SUN; got " + name);
    }

    private static LocalDate date(String field, Object json) {
        String text = text(field, json, 10);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw new InvalidField(field, "must be a date like 2026-12-24, got " + text);
        }
    }

    static LocalTimeRange timeRange(String field, Map<String, Object> json) {
        onlyKnown(field, json, Set.of("from", "to"));
        LocalTime from = required(field + ".from", time(field + ".from", json.get("from")));
        LocalTime to = required(field + ".to", time(field + ".to", json.get("to")));
        if (from.equals(to)) {
            throw new InvalidField(field, "from and to are equal; leave the range out for the whole day");
        }
        return new LocalTimeRange(from, to);
    }

    private static LocalTime time(String field, Object json) {
        String text = text(field, json, 5);
        if (text == null) {
            return null;
        }
        if (text.equals("24:00")) {
            return LocalTime.MIDNIGHT;
        }
        if (!text.matches("\\d{2}:\\d{2}")) {
            throw new InvalidField(field, "must be a time like 08:30, got " + text);
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeException e) {
            throw new InvalidField(field, "must be a time like 08:30, got " + text);
        }
    }

    private static Audience audience(Map<String, Object> json) {
        onlyKnown("audience", json, Set.of("journeyStages", "minVisits", "maxVisits", "segments"));
        Set<JourneyStage> stages = EnumSet.noneOf(JourneyStage.class);
        List<String> names = strings("audience.journeyStages", json.get("journeyStages"), JourneyStage.values().length, 16);
        if (names != null) {
            for (int i = 0; i < names.size(); i++) {
                String stage = names.get(i);
                stages.add(JourneyStage.ofWireName(stage).orElseThrow(() -> new InvalidField("audience.journeyStages",
                        "must be among aware, considering, purchased, using; got " + stage)));
            }
        }
        Integer min = whole("audience.minVisits", json.get("minVisits"), 1, 100_000);
        Integer max = whole("audience.maxVisits", json.get("maxVisits"), 1, 100_000);
        if (min != null && max != null && max < min) {
            throw new InvalidField("audience.maxVisits", "is below audience.minVisits");
        }
        Set<String> segments = new LinkedHashSet<>();
        List<String> given = strings("audience.segments", json.get("segments"), MAX_SEGMENTS, 32);
        if (given != null) {
            for (int i = 0; i < given.size(); i++) {
                segments.add(segment("audience.segments[" + i + "]", given.get(i)));
            }
        }
        return new Audience(stages, min == null ? OptionalInt.empty() : OptionalInt.of(min), max == null ? OptionalInt.empty() : OptionalInt.of(max),
                segments);
    }

    /** A segment name: lower-case letters, digits and hyphens, 1 to 32. */
    public static String segment(String field, String text) {
        if (!SEGMENT.matcher(text).matches()) {
            throw new InvalidField(field, "must be 1 to 32 lower-case letters, digits or hyphens, got " + text);
        }
        return text;
    }

    private static ContextCondition context(Map<String, Object> json) {
        onlyKnown("context", json, Set.of("weather", "temperatureC", "maxAgeMinutes"));
        Set<String> weather = new LinkedHashSet<>();
        List<String> given = strings("context.weather", json.get("weather"), 20, 32);
        if (given != null) {
            for (int i = 0; i < given.size(); i++) {
                if (!ContextReading.WEATHER.matcher(given.get(i)).matches()) {
                    throw new InvalidField("context.weather[" + i + "]", "must be a lower-case word such as sunny or rain, got " + given.get(i));
                }
                weather.add(given.get(i));
            }
        }
        OptionalDouble min = OptionalDouble.empty();
        OptionalDouble max = OptionalDouble.empty();
        Map<String, Object> temperature = object("context.temperatureC", json.get("temperatureC"));
        if (temperature != null) {
            onlyKnown("context.temperatureC", temperature, Set.of("min", "max"));
            Double low = JsonValues.number("context.temperatureC.min", temperature.get("min"), -90, 60);
            Double high = JsonValues.number("context.temperatureC.max", temperature.get("max"), -90, 60);
            if (low != null && high != null && high < low) {
                throw new InvalidField("context.temperatureC.max", "is below context.temperatureC.min");
            }
            min = low == null ? OptionalDouble.empty() : OptionalDouble.of(low);
            max = high == null ? OptionalDouble.empty() : OptionalDouble.of(high);
        }
        if (weather.isEmpty() && min.isEmpty() && max.isEmpty()) {
            throw new InvalidField("context", "needs weather or temperatureC (leave context out for any weather)");
        }
        int maxAge = Optional.ofNullable(whole("context.maxAgeMinutes", json.get("maxAgeMinutes"), 1, 24 * 60)).orElse(60);
        return new ContextCondition(weather, min, max, Duration.ofMinutes(maxAge));
    }

    private static List<Variant> variants(List<Object> json) {
        if (json.isEmpty()) {
            throw new InvalidField("variants", "needs 1 to " + Campaign.MAX_VARIANTS + " variants");
        }
        List<Variant> variants = new ArrayList<>();
        for (int i = 0; i < json.size(); i++) {
            String field = "variants[" + i + "]";
            Map<String, Object> variant = required(field, object(field, json.get(i)));
            onlyKnown(field, variant, Set.of("title", "body", "landing", "imageUrl"));
            Localized title = required(field + ".title", localized(field + ".title", variant.get("title"), MAX_TITLE));
            Localized body = required(field + ".body", localized(field + ".body", variant.get("body"), MAX_BODY));
            Optional<Localized> landing = Optional.ofNullable(localized(field + ".landing", variant.get("landing"), MAX_LANDING));
            Optional<String> image = Optional.ofNullable(imageUrl(field + ".imageUrl", variant.get("imageUrl")));
            variants.add(new Variant(i, title, body, landing, image));
        }
        return variants;
    }

    private static Localized localized(String field, Object json, int maxLength) {
        if (json instanceof String) {
            throw new InvalidField(field, "must be an object of texts by language, e.g. {\"de\": \"...\", \"en\": \"...\"}");
        }
        Map<String, Object> texts = object(field, json);
        if (texts == null) {
            return null;
        }
        onlyKnown(field, texts, Set.of("de", "en"));
        Map<Localized.Language, String> byLanguage = new EnumMap<>(Localized.Language.class);
        for (Localized.Language language : Localized.Language.values()) {
            String text = text(field + "." + language.tag(), texts.get(language.tag()), maxLength);
            if (text != null) {
                byLanguage.put(language, text);
            }
        }
        if (byLanguage.isEmpty()) {
            throw new InvalidField(field, "needs a text in de or en");
        }
        return new Localized(byLanguage);
    }

    private static String imageUrl(String field, Object json) {
        String text = text(field, json, 2048);
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text);
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new InvalidField(field, "must be an absolute https URL");
            }
        } catch (URISyntaxException e) {
            throw new InvalidField(field, "is not a URL: " + e.getReason());
        }
        return text;
    }

    private static Caps caps(Map<String, Object> json) {
        onlyKnown("caps", json, Set.of("perShopperPerDay", "perShopperPerWeek", "cooldownAfterDismissMinutes", "cooldownAfterRedemptionMinutes",
                "quietHours"));
        Integer day = whole("caps.perShopperPerDay", json.get("perShopperPerDay"), 1, 100);
        Integer week = whole("caps.perShopperPerWeek", json.get("perShopperPerWeek"), 1, 700);
        if (day != null && week != null && week < day) {
            throw new InvalidField("caps.perShopperPerWeek", "is below caps.perShopperPerDay");
        }
        Integer dismiss = whole("caps.cooldownAfterDismissMinutes", json.get("cooldownAfterDismissMinutes"), 0, MAX_COOLDOWN_MINUTES);
        Integer redeem = whole("caps.cooldownAfterRedemptionMinutes", json.get("cooldownAfterRedemptionMinutes"), 0, MAX_COOLDOWN_MINUTES);
        if (dismiss != null && redeem != null && dismiss < redeem) {
            throw new InvalidField("caps.cooldownAfterDismissMinutes",
                    "must be at least caps.cooldownAfterRedemptionMinutes: a shopper who dismissed an offer is left alone longer than one who redeemed it");
        }
        Optional<LocalTimeRange> quiet = Optional.ofNullable(object("caps.quietHours", json.get("quietHours"))).map(q -> timeRange("caps.quietHours", q));
        return new Caps(day == null ? OptionalInt.empty() : OptionalInt.of(day), week == null ? OptionalInt.empty() : OptionalInt.of(week),
                Optional.ofNullable(dismiss).map(Duration::ofMinutes), Optional.ofNullable(redeem).map(Duration::ofMinutes), quiet);
    }

    private static Budget budget(Map<String, Object> json) {
        onlyKnown("budget", json, Set.of("maxDeliveries", "maxRedemptions"));
        Long deliveries = wholeLong("budget.maxDeliveries", json.get("maxDeliveries"), 1, 1_000_000_000L);
        Long redemptions = wholeLong("budget.maxRedemptions", json.get("maxRedemptions"), 1, 1_000_000_000L);
        if (deliveries != null && redemptions != null && redemptions > deliveries) {
            throw new InvalidField("budget.maxRedemptions", "is above budget.maxDeliveries");
        }
        return new Budget(deliveries == null ? OptionalLong.empty() : OptionalLong.of(deliveries),
                redemptions == null ? OptionalLong.empty() : OptionalLong.of(redemptions));
    }

    /** The campaign in the shape {@link #read} accepts, with {@code id}, {@code createdAt} and {@code version}. */
    public static Map<String, Object> write(Campaign campaign) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", campaign.id());
        json.put("name", campaign.name());
        json.put("storeId", campaign.storeId());
        json.put("status", campaign.status().wireName());
        json.put("zoneIds", List.copyOf(new java.util.TreeSet<>(campaign.zoneIds())));
        json.put("gtins", List.copyOf(new java.util.TreeSet<>(campaign.gtins())));
        Map<String, Object> trigger = new LinkedHashMap<>();
        trigger.put("type", campaign.trigger().type().wireName());
        campaign.trigger().dwell().ifPresent(dwell -> trigger.put("dwellSeconds", dwell.toSeconds()));
        json.put("trigger", trigger);
        json.put("schedule", writeSchedule(campaign.schedule()));
        json.put("audience", writeAudience(campaign.audience()));
        campaign.context().ifPresent(context -> json.put("context", writeContext(context)));
        List<Object> variants = new ArrayList<>();
        for (Variant variant : campaign.variants()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("title", texts(variant.title()));
            v.put("body", texts(variant.body()));
            variant.landing().ifPresent(landing -> v.put("landing", texts(landing)));
            variant.imageUrl().ifPresent(url -> v.put("imageUrl", url));
            variants.add(v);
        }
        json.put("variants", variants);
        json.put("caps", writeCaps(campaign.caps()));
        Map<String, Object> budget = new LinkedHashMap<>();
        campaign.budget().maxDeliveries().ifPresent(n -> budget.put("maxDeliveries", n));
        campaign.budget().maxRedemptions().ifPresent(n -> budget.put("maxRedemptions", n));
        json.put("budget", budget);
        json.put("priority", campaign.priority());
        json.put("offerValidityMinutes", campaign.offerValidity().toMinutes());
        json.put("createdAt", campaign.createdAt().toString());
        json.put("version", campaign.version());
        return json;
    }

    private static Map<String, Object> writeSchedule(Schedule schedule) {
        Map<String, Object> json = new LinkedHashMap<>();
        schedule.from().ifPresent(day -> json.put("from", day.toString()));
        schedule.to().ifPresent(day -> json.put("to", day.toString()));
        json.put("days", EnumSet.copyOf(schedule.days()).stream().map(day -> day.name().substring(0, 3)).toList());
        schedule.hours().ifPresent(hours -> json.put("hours", writeRange(hours)));
        return json;
    }

    private static Map<String, Object> writeRange(LocalTimeRange range) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("from", range.from().toString());
        json.put("to", range.to().toString());
        return json;
    }

    private static Map<String, Object> writeAudience(Audience audience) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("journeyStages", audience.journeyStages().stream().sorted().map(JourneyStage::wireName).toList());
        audience.minVisits().ifPresent(n -> json.put("minVisits", n));
        audience.maxVisits().ifPresent(n -> json.put("maxVisits", n));
        json.put("segments", audience.segments().stream().sorted().toList());
        return json;
    }

    private static Map<String, Object> writeContext(ContextCondition context) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (!context.weather().isEmpty()) {
            json.put("weather", context.weather().stream().sorted().toList());
        }
        if (context.minTemperatureC().isPresent() || context.maxTemperatureC().isPresent()) {
            Map<String, Object> temperature = new LinkedHashMap<>();
            context.minTemperatureC().ifPresent(t -> temperature.put("min", t));
            context.maxTemperatureC().ifPresent(t -> temperature.put("max", t));
            json.put("temperatureC", temperature);
        }
        json.put("maxAgeMinutes", context.maxAge().toMinutes());
        return json;
    }

    private static Map<String, Object> writeCaps(Caps caps) {
        Map<String, Object> json = new LinkedHashMap<>();
        caps.perShopperPerDay().ifPresent(n -> json.put("perShopperPerDay", n));
        caps.perShopperPerWeek().ifPresent(n -> json.put("perShopperPerWeek", n));
        caps.cooldownAfterDismiss().ifPresent(d -> json.put("cooldownAfterDismissMinutes", d.toMinutes()));
        caps.cooldownAfterRedemption().ifPresent(d -> json.put("cooldownAfterRedemptionMinutes", d.toMinutes()));
        caps.quietHours().ifPresent(q -> json.put("quietHours", writeRange(q)));
        return json;
    }

    private static Map<String, Object> texts(Localized localized) {
        Map<String, Object> json = new LinkedHashMap<>();
        localized.texts().forEach((language, text) -> json.put(language.tag().toLowerCase(Locale.ROOT), text));
        return json;
    }
}
