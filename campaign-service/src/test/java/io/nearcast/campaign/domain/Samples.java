package io.nearcast.campaign.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/** Campaigns, offers and decisions for the ports' contracts; instants at microseconds, what a database keeps. */
public final class Samples {

    /** A Tuesday morning. */
    public static final Instant T0 = Instant.parse("2026-12-01T10:00:00.123456Z");

    private Samples() {
    }

    /** A campaign that uses every part of a definition a dwell trigger allows. */
    public static Campaign richDwellCampaign(String id, String storeId, Instant createdAt, long version) {
        Variant first = new Variant(0,
                new Localized(Map.of(Localized.Language.DE, "Glühwein probieren", Localized.Language.EN, "Taste mulled wine")),
                new Localized(Map.of(Localized.Language.DE, "Heute 20 % auf alle Winzerglühweine.", Localized.Language.EN, "20 % off every vintner's mulled wine today.")),
                Optional.of(new Localized(Map.of(Localized.Language.DE, "Gültig bis Ladenschluss, solange der Vorrat reicht.",
                        Localized.Language.EN, "Valid until closing, while stocks last."))),
                Optional.of("https://cdn.example.com/offers/gluehwein.jpg"));
        Variant second = new Variant(1, Localized.of(Localized.Language.EN, "Warm up with wine"),
                Localized.of(Localized.Language.DE, "Zwei Flaschen, ein Preis."), Optional.empty(), Optional.empty());
        return new Campaign(id, storeId, "Winter wine tasting", CampaignStatus.ACTIVE, Set.of("wine", "cheese"), Set.of(),
                new Trigger(TriggerType.DWELL, Optional.of(Duration.ofSeconds(90))),
                new Schedule(Optional.of(LocalDate.of(2026, 12, 1)), Optional.of(LocalDate.of(2026, 12, 24)),
                        EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY),
                        Optional.of(new LocalTimeRange(LocalTime.of(22, 0), LocalTime.of(2, 30)))),
                new Audience(EnumSet.of(JourneyStage.AWARE, JourneyStage.CONSIDERING), OptionalInt.of(2), OptionalInt.of(10), Set.of("wine-lovers", "vip")),
                Optional.of(new ContextCondition(Set.of("snow", "cloudy"), OptionalDouble.of(-5.5), OptionalDouble.of(8.0), Duration.ofMinutes(30))),
                List.of(first, second),
                new Caps(OptionalInt.of(1), OptionalInt.of(3), Optional.of(Duration.ofHours(48)), Optional.of(Duration.ofHours(24)),
                        Optional.of(new LocalTimeRange(LocalTime.of(21, 0), LocalTime.of(7, 0)))),
                new Budget(OptionalLong.of(5_000), OptionalLong.of(1_200)), 7, Duration.ofMinutes(45), createdAt, version);
    }

    /** A paused scan campaign about two products, for warm days only. */
    public static Campaign scanCampaign(String id, String storeId, Instant createdAt, long version) {
        Set<String> gtins = Set.of(Gtin.normalise("4006381333931").orElseThrow(), Gtin.normalise("012345678905").orElseThrow());
        return new Campaign(id, storeId, "Scan the shelf", CampaignStatus.PAUSED, Set.of(), gtins, Trigger.of(TriggerType.SCAN), Schedule.ALWAYS,
                Audience.EVERYONE, Optional.of(new ContextCondition(Set.of(), OptionalDouble.of(20), OptionalDouble.empty(), Duration.ofMinutes(60))),
                List.of(new Variant(0, Localized.of(Localized.Language.DE, "Jetzt scannen"), Localized.of(Localized.Language.DE, "Und sparen."),
                        Optional.empty(), Optional.empty())),
                Caps.DEFAULTS, Budget.UNLIMITED, -3, Duration.ofDays(3), createdAt, version);
    }

    /** A plain enter campaign. */
    public static Campaign campaign(String id, String storeId, Instant createdAt, long version) {
        return new Campaign(id, storeId, "Campaign " + id, CampaignStatus.ACTIVE, Set.of(), Set.of(), Trigger.of(TriggerType.ENTER), Schedule.ALWAYS,
                Audience.EVERYONE, Optional.empty(),
                List.of(new Variant(0, Localized.of(Localized.Language.EN, "Welcome"), Localized.of(Localized.Language.EN, "Have a look around."),
                        Optional.empty(), Optional.empty())),
                Caps.DEFAULTS, Budget.UNLIMITED, 0, Duration.ofHours(2), createdAt, version);
    }

    /** A delivered offer, valid for two hours, made in zone {@code wine} of store-1. */
    public static Offer offer(String id, String shopperId, Instant deliveredAt) {
        return new Offer(id, "cmp-1", 1, shopperId, "store-1", Optional.of("wine"), "store-1@" + deliveredAt.toEpochMilli(), "dec-" + id,
                deliveredAt, deliveredAt.plus(Duration.ofHours(2)), OfferStatus.DELIVERED, Optional.empty(), Optional.empty());
    }

    /** A decision that made no offer, explained by two verdicts. */
    public static Decision decision(String id, String shopperId, String storeId, Instant at) {
        return new Decision(id, shopperId, storeId, Optional.empty(), TriggerType.ENTER, at,
                List.of(Verdict.blocked("cmp-1", BlockReason.CAP_DAY), Verdict.blocked("cmp-2", BlockReason.SCHEDULE)), 0, Optional.empty());
    }
}
