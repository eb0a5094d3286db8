package io.nearcast.campaign.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/** Campaigns for tests: an active, store-wide enter campaign without restrictions unless told otherwise. */
final class CampaignBuilder {

    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

    private final String id;
    private String storeId = TestShop.STORE;
    private CampaignStatus status = CampaignStatus.ACTIVE;
    private Set<String> zoneIds = Set.of();
    private Set<String> gtins = Set.of();
    private Trigger trigger = Trigger.of(TriggerType.ENTER);
    private Schedule schedule = Schedule.ALWAYS;
    private Audience audience = Audience.EVERYONE;
    private Optional<ContextCondition> context = Optional.empty();
    private int variants = 1;
    private Caps caps = Caps.DEFAULTS;
    private Budget budget = Budget.UNLIMITED;
    private int priority;
    private Duration validity = Duration.ofHours(2);
    private Instant createdAt = CREATED;

    private CampaignBuilder(String id) {
        this.id = id;
    }

    static CampaignBuilder campaign(String id) {
        return new CampaignBuilder(id);
    }

    CampaignBuilder store(String store) {
        this.storeId = store;
        return this;
    }

    CampaignBuilder paused() {
        this.status = CampaignStatus.PAUSED;
        return this;
    }

    CampaignBuilder zones(String... zones) {
        this.zoneIds = Set.of(zones);
        return this;
    }

    CampaignBuilder gtins(String... products) {
        this.gtins = Set.of(products);
        return this;
    }

    CampaignBuilder trigger(TriggerType type) {
        this.trigger = Trigger.of(type);
        return this;
    }

    CampaignBuilder dwell(Duration dwell) {
        this.trigger = new Trigger(TriggerType.DWELL, Optional.of(dwell));
        return this;
    }

    CampaignBuilder schedule(Schedule given) {
        this.schedule = given;
        return this;
    }

    CampaignBuilder hours(String from, String to) {
        return schedule(new Schedule(Optional.empty(), Optional.empty(), EnumSet.allOf(DayOfWeek.class),
                Optional.of(new LocalTimeRange(LocalTime.parse(from), LocalTime.parse(to)))));
    }

    CampaignBuilder dates(String from, String to) {
        return schedule(new Schedule(Optional.of(LocalDate.parse(from)), Optional.of(LocalDate.parse(to)), EnumSet.allOf(DayOfWeek.class),
                Optional.empty()));
    }

    CampaignBuilder days(DayOfWeek first, DayOfWeek... rest) {
        return schedule(new Schedule(Optional.empty(), Optional.empty(), EnumSet.of(first, rest), Optional.empty()));
    }

    CampaignBuilder audience(Audience given) {
        this.audience = given;
        return this;
    }

    CampaignBuilder stages(JourneyStage... stages) {
        return audience(new Audience(Set.of(stages), OptionalInt.empty(), OptionalInt.empty(), Set.of()));
    }

    CampaignBuilder context(ContextCondition condition) {
        this.context = Optional.of(condition);
        return this;
    }

    CampaignBuilder variants(int count) {
        this.variants = count;
        return this;
    }

    CampaignBuilder caps(Caps given) {
        this.caps = given;
        return this;
    }

    /** Caps that let the campaign come back often: the test then sees only the rule it is about. */
    CampaignBuilder generousCaps() {
        return caps(new Caps(OptionalInt.of(100), OptionalInt.of(700), Optional.of(Duration.ZERO), Optional.of(Duration.ZERO), Optional.empty()));
    }

    CampaignBuilder perDay(int perDay) {
        return caps(new Caps(OptionalInt.of(perDay), caps.perShopperPerWeek(), caps.cooldownAfterDismiss(), caps.cooldownAfterRedemption(),
                caps.quietHours()));
    }

    CampaignBuilder quietHours(String from, String to) {
        return caps(new Caps(caps.perShopperPerDay(), caps.perShopperPerWeek(), caps.cooldownAfterDismiss(), caps.cooldownAfterRedemption(),
                Optional.of(new LocalTimeRange(LocalTime.parse(from), LocalTime.parse(to)))));
    }

    CampaignBuilder maxDeliveries(long max) {
        this.budget = new Budget(OptionalLong.of(max), budget.maxRedemptions());
        return this;
    }

    CampaignBuilder maxRedemptions(long max) {
        this.budget = new Budget(budget.maxDeliveries(), OptionalLong.of(max));
        return this;
    }

    CampaignBuilder priority(int given) {
        this.priority = given;
        return this;
    }

    CampaignBuilder validity(Duration given) {
        this.validity = given;
        return this;
    }

    CampaignBuilder createdAt(Instant at) {
        this.createdAt = at;
        return this;
    }

    Campaign build() {
        List<Variant> list = new ArrayList<>();
        for (int i = 0; i < variants; i++) {
            list.add(new Variant(i, Localized.of(Localized.Language.EN, id + " title " + i), Localized.of(Localized.Language.EN, id + " body " + i),
                    Optional.empty(), Optional.empty()));
        }
        return new Campaign(id, storeId, id, status, zoneIds, gtins, trigger, schedule, audience, context, list, caps, budget, priority, validity,
                createdAt, 1);
    }
}
