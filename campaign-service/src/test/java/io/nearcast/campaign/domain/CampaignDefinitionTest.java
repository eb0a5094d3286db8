package io.nearcast.campaign.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.nearcast.kernel.domain.InvalidField;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A campaign's JSON form: the CONTRACT §2 example reads, what is written reads back equal, and
 * every mistake is refused naming its field. Bodies are the maps a JSON parser gives.
 */
class CampaignDefinitionTest {

    private static final Instant CREATED = Instant.parse("2026-02-01T09:30:00Z");
    private static final Duration DEFAULT_VALIDITY = Duration.ofHours(2);

    /** The minimum body of CONTRACT §2, with the dwell trigger its dwellSeconds belongs to. */
    static Map<String, Object> contractExample() {
        return map("name", "Riesling tasting", "storeId", "store-1", "zoneIds", list("zone-wine"),
                "trigger", map("type", "dwell", "dwellSeconds", 30),
                "schedule", map("from", "2026-01-01", "to", "2027-12-31", "days", list("MON", "TUE", "WED", "THU", "FRI", "SAT"),
                        "hours", map("from", "08:00", "to", "20:00")),
                "audience", map("journeyStages", list("aware", "considering")),
                "variants", list(map("title", map("de", "Riesling-Probe", "en", "Riesling tasting"),
                        "body", map("de", "Heute am Weinregal", "en", "Today at the wine shelf"))),
                "caps", map("perShopperPerDay", 1, "perShopperPerWeek", 3, "cooldownAfterDismissMinutes", 120),
                "budget", map("maxDeliveries", 1000, "maxRedemptions", 100), "priority", 10);
    }

    /** Every member the reader knows, each with a value. */
    static Map<String, Object> everything() {
        return map("name", "Cheese at the counter", "storeId", "store-1", "status", "paused", "zoneIds", list("zone-b", "zone-a"),
                "gtins", list("4006381333931", "96385074", "036000291452"),
                "trigger", map("type", "tap"),
                "schedule", map("from", "2026-03-01", "to", "2026-03-31", "days", list("FRI", "SAT"), "hours", map("from", "22:00", "to", "24:00")),
                "audience", map("journeyStages", list("purchased", "using"), "minVisits", 2, "maxVisits", 10, "segments", list("cheese", "wine-lovers")),
                "context", map("weather", list("rain", "snow"), "temperatureC", map("min", -5.5, "max", 12), "maxAgeMinutes", 45),
                "variants", list(
                        map("title", map("de", "Käse"), "body", map("de", "Probieren Sie"), "landing", map("de", "Mehr", "en", "More"),
                                "imageUrl", "https://cdn.example.com/cheese.png"),
                        map("title", map("en", "Cheese"), "body", map("en", "Have a taste"))),
                "caps", map("perShopperPerDay", 2, "perShopperPerWeek", 5, "cooldownAfterDismissMinutes", 600, "cooldownAfterRedemptionMinutes", 60,
                        "quietHours", map("from", "21:00", "to", "07:00")),
                "budget", map("maxDeliveries", 5000, "maxRedemptions", 500), "priority", -3, "offerValidityMinutes", 45);
    }

    @Test
    void readsTheContractExample() {
        CampaignDraft draft = CampaignDefinition.read(contractExample());

        assertThat(draft.name()).isEqualTo("Riesling tasting");
        assertThat(draft.storeId()).isEqualTo("store-1");
        assertThat(draft.status()).isEqualTo(CampaignStatus.ACTIVE);
        assertThat(draft.zoneIds()).containsExactly("zone-wine");
        assertThat(draft.gtins()).isEmpty();
        assertThat(draft.trigger()).isEqualTo(new Trigger(TriggerType.DWELL, Optional.of(Duration.ofSeconds(30))));
        assertThat(draft.schedule()).isEqualTo(new Schedule(Optional.of(LocalDate.of(2026, 1, 1)), Optional.of(LocalDate.of(2027, 12, 31)),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY), Optional.of(new LocalTimeRange(LocalTime.of(8, 0), LocalTime.of(20, 0)))));
        assertThat(draft.audience()).isEqualTo(new Audience(Set.of(JourneyStage.AWARE, JourneyStage.CONSIDERING), OptionalInt.empty(),
                OptionalInt.empty(), Set.of()));
        assertThat(draft.context()).isEmpty();
        assertThat(draft.variants()).hasSize(1);
        assertThat(draft.variants().get(0).title().in(Localized.Language.DE)).isEqualTo("Riesling-Probe");
        assertThat(draft.variants().get(0).body().in(Localized.Language.EN)).isEqualTo("Today at the wine shelf");
        assertThat(draft.caps()).isEqualTo(new Caps(OptionalInt.of(1), OptionalInt.of(3), Optional.of(Duration.ofMinutes(120)), Optional.empty(),
                Optional.empty()));
        assertThat(draft.budget()).isEqualTo(new Budget(OptionalLong.of(1000), OptionalLong.of(100)));
        assertThat(draft.priority()).isEqualTo(10);
        assertThat(draft.offerValidity()).isEmpty();
        assertThat(draft.toCampaign("cmp-1", CREATED, 1, DEFAULT_VALIDITY).offerValidity()).isEqualTo(DEFAULT_VALIDITY);
    }

    @Test
    void readsEveryMemberItKnows() {
        Campaign campaign = CampaignDefinition.read(everything()).toCampaign("cmp-2", CREATED, 4, DEFAULT_VALIDITY);

        assertThat(campaign.status()).isEqualTo(CampaignStatus.PAUSED);
        assertThat(campaign.gtins()).containsExactlyInAnyOrder("04006381333931", "00000096385074", "00036000291452");
        assertThat(campaign.schedule().hours()).contains(new LocalTimeRange(LocalTime.of(22, 0), LocalTime.MIDNIGHT));
        assertThat(campaign.audience()).isEqualTo(new Audience(Set.of(JourneyStage.PURCHASED, JourneyStage.USING), OptionalInt.of(2), OptionalInt.of(10),
                Set.of("cheese", "wine-lovers")));
        assertThat(campaign.context()).contains(new ContextCondition(Set.of("rain", "snow"), OptionalDouble.of(-5.5), OptionalDouble.of(12),
                Duration.ofMinutes(45)));
        assertThat(campaign.variants()).extracting(Variant::index).containsExactly(0, 1);
        assertThat(campaign.variant(0).imageUrl()).contains("https://cdn.example.com/cheese.png");
        assertThat(campaign.variant(0).landing().orElseThrow().in(Localized.Language.EN)).isEqualTo("More");
        assertThat(campaign.variant(1).title().in(Localized.Language.DE)).as("falls back to English").isEqualTo("Cheese");
        assertThat(campaign.caps().quietHours()).contains(new LocalTimeRange(LocalTime.of(21, 0), LocalTime.of(7, 0)));
        assertThat(campaign.caps().cooldownAfterRedemption()).contains(Duration.ofMinutes(60));
        assertThat(campaign.priority()).isEqualTo(-3);
        assertThat(campaign.offerValidity()).isEqualTo(Duration.ofMinutes(45));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void whatIsWrittenReadsBackEqual(String name, Map<String, Object> body) {
        Campaign campaign = CampaignDefinition.read(body).toCampaign("cmp-9", CREATED, 7, DEFAULT_VALIDITY);

        Map<String, Object> written = CampaignDefinition.write(campaign);
        Campaign again = CampaignDefinition.read(written).toCampaign("cmp-9", CREATED, 7, DEFAULT_VALIDITY);

        assertThat(again).isEqualTo(campaign);
        assertThat(written).containsEntry("id", "cmp-9").containsEntry("createdAt", CREATED.toString()).containsEntry("version", 7L);
        assertThat(CampaignDefinition.write(again)).isEqualTo(written);
    }

    static Stream<Arguments> bodies() {
        return Stream.of(Arguments.of("contract example", contractExample()), Arguments.of("every member", everything()),
                Arguments.of("minimal", map("name", "n", "storeId", "s", "trigger", map("type", "enter"),
                        "variants", list(map("title", map("en", "t"), "body", map("en", "b"))))));
    }

    @Test
    void readOnlyMembersOfAnAnswerSentBackAreIgnored() {
        Map<String, Object> body = contractExample();
        body.put("id", "cmp-other");
        body.put("createdAt", "1999-01-01T00:00:00Z");
        body.put("version", 99);

        assertThat(CampaignDefinition.read(body)).isEqualTo(CampaignDefinition.read(contractExample()));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("mistakes")
    void refusesAMistakeNamingItsField(String mistake, String field, Consumer<Map<String, Object>> change) {
        Map<String, Object> body = contractExample();
        change.accept(body);

        InvalidField refused = catchThrowableOfType(() -> CampaignDefinition.read(body), InvalidField.class);

        assertThat(refused).as(mistake).isNotNull();
        assertThat(refused.field()).isEqualTo(field);
        assertThat(refused.problem()).isNotBlank();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> at(Map<String, Object> body, String member) {
        return (Map<String, Object>) body.get(member);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> variant(Map<String, Object> body, int index) {
        return (Map<String, Object>) ((List<Object>) body.get("variants")).get(index);
    }

    @SuppressWarnings("unchecked")
    private static void addVariants(Map<String, Object> body, int count) {
        List<Object> variants = (List<Object>) body.get("variants");
        for (int i = 0; i < count; i++) {
            variants.add(map("title", map("en", "Variant " + i), "body", map("en", "Body " + i)));
        }
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                mistake("a German title of 81 characters", "variants[1].title.de", body -> {
                    addVariants(body, 1);
                    variant(body, 1).put("title", map("de", "x".repeat(CampaignDefinition.MAX_TITLE + 1)));
                }),
                mistake("an unknown trigger", "trigger.type", body -> at(body, "trigger").put("type", "walk-by")),
                mistake("a day that is none", "schedule.days[0]", body -> at(body, "schedule").put("days", list("MOX", "TUE"))),
                mistake("a day written out", "schedule.days[1]", body -> at(body, "schedule").put("days", list("MON", "Tuesday"))),
                mistake("no days at all", "schedule.days", body -> at(body, "schedule").put("days", list())),
                mistake("to before from", "schedule.to", body -> at(body, "schedule").put("to", "2025-12-31")),
                mistake("a date that is none", "schedule.from", body -> at(body, "schedule").put("from", "2026-02-30")),
                mistake("an hour without its leading zero", "schedule.hours.from", body -> at(body, "schedule").put("hours", map("from", "8:00", "to", "20:00"))),
                mistake("an empty range of hours", "schedule.hours", body -> at(body, "schedule").put("hours", map("from", "08:00", "to", "08:00"))),
                mistake("a dismissal cooldown below the redemption one", "caps.cooldownAfterDismissMinutes",
                        body -> at(body, "caps").put("cooldownAfterRedemptionMinutes", 121)),
                mistake("a cooldown beyond the lookback", "caps.cooldownAfterDismissMinutes",
                        body -> at(body, "caps").put("cooldownAfterDismissMinutes", 7 * 24 * 60 + 1)),
                mistake("a week cap below the day cap", "caps.perShopperPerWeek", body -> at(body, "caps").put("perShopperPerDay", 4)),
                mistake("quiet hours without end", "caps.quietHours.to", body -> at(body, "caps").put("quietHours", map("from", "21:00"))),
                mistake("a check digit off by one", "gtins[0]", body -> {
                    body.put("trigger", map("type", "tap"));
                    body.put("gtins", list("4006381333932"));
                }),
                mistake("the second GTIN bad", "gtins[1]", body -> {
                    body.put("trigger", map("type", "scan"));
                    body.put("gtins", list("4006381333931", "96385075"));
                }),
                mistake("products on a zone trigger", "gtins", body -> body.put("gtins", list("4006381333931"))),
                mistake("a dwell time on an enter trigger", "trigger.dwellSeconds", body -> at(body, "trigger").put("type", "enter")),
                mistake("a misspelt member", "schedul", body -> body.put("schedul", body.remove("schedule"))),
                mistake("a misspelt nested member", "caps.perShopperPerMonth", body -> at(body, "caps").put("perShopperPerMonth", 10)),
                mistake("a variant member it does not know", "variants[0].subtitle", body -> variant(body, 0).put("subtitle", map("en", "x"))),
                mistake("a language it does not know", "variants[0].body.fr", body -> variant(body, 0).put("body", map("fr", "Bonjour"))),
                mistake("nine variants", "variants", body -> addVariants(body, 8)),
                mistake("no variants", "variants", body -> body.put("variants", list())),
                mistake("a plain-text title", "variants[0].title", body -> variant(body, 0).put("title", "Riesling")),
                mistake("an image over http", "variants[0].imageUrl", body -> variant(body, 0).put("imageUrl", "http://cdn.example.com/a.png")),
                mistake("an image without host", "variants[0].imageUrl", body -> variant(body, 0).put("imageUrl", "https:///a.png")),
                mistake("no name", "name", body -> body.remove("name")),
                mistake("a blank name", "name", body -> body.put("name", "  ")),
                mistake("a name too long", "name", body -> body.put("name", "n".repeat(CampaignDefinition.MAX_NAME + 1))),
                mistake("no store", "storeId", body -> body.remove("storeId")),
                mistake("a status it does not know", "status", body -> body.put("status", "deleted")),
                mistake("a priority too high", "priority", body -> body.put("priority", 1001)),
                mistake("a fractional priority", "priority", body -> body.put("priority", 1.5)),
                mistake("a priority as text", "priority", body -> body.put("priority", "10")),
                mistake("a stage it does not know", "audience.journeyStages", body -> at(body, "audience").put("journeyStages", list("loyal"))),
                mistake("fewer max than min visits", "audience.maxVisits", body -> at(body, "audience").putAll(map("minVisits", 3, "maxVisits", 2))),
                mistake("a segment with capitals", "audience.segments[0]", body -> at(body, "audience").put("segments", list("Wine Lovers"))),
                mistake("a context without a condition", "context", body -> body.put("context", map("maxAgeMinutes", 30))),
                mistake("a weather word with capitals", "context.weather[0]", body -> body.put("context", map("weather", list("Rain")))),
                mistake("a temperature range upside down", "context.temperatureC.max",
                        body -> body.put("context", map("temperatureC", map("min", 10, "max", 5)))),
                mistake("more redemptions than deliveries", "budget.maxRedemptions", body -> at(body, "budget").put("maxRedemptions", 1001)),
                mistake("a zero delivery budget", "budget.maxDeliveries", body -> at(body, "budget").put("maxDeliveries", 0)),
                mistake("an offer valid for no time", "offerValidityMinutes", body -> body.put("offerValidityMinutes", 0)),
                mistake("a dwell of two hours", "trigger.dwellSeconds", body -> at(body, "trigger").put("dwellSeconds", 7200)),
                mistake("a schedule that is a list", "schedule", body -> body.put("schedule", list())));
    }

    @Test
    void equalCooldownsAfterADismissalAndARedemptionAreFine() {
        Map<String, Object> body = contractExample();
        at(body, "caps").put("cooldownAfterRedemptionMinutes", 120);

        assertThat(CampaignDefinition.read(body).caps().cooldownAfterRedemption()).contains(Duration.ofMinutes(120));
    }

    @Test
    void aSegmentNameIsCheckedUnderTheFieldItIsGiven() {
        assertThat(CampaignDefinition.segment("segments[0]", "wine-lovers-2")).isEqualTo("wine-lovers-2");
        assertThatThrownBy(() -> CampaignDefinition.segment("audience.segments[3]", "-x")).isInstanceOf(InvalidField.class)
                .extracting(e -> ((InvalidField) e).field()).isEqualTo("audience.segments[3]");
    }

    private static Arguments mistake(String mistake, String field, Consumer<Map<String, Object>> change) {
        return Arguments.of(mistake, field, change);
    }

    /** A mutable map in the order given (like a parsed JSON object). */
    static Map<String, Object> map(Object... members) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < members.length; i += 2) {
            map.put((String) members[i], members[i + 1]);
        }
        return map;
    }

    static List<Object> list(Object... items) {
        return new ArrayList<>(List.of(items));
    }
}
