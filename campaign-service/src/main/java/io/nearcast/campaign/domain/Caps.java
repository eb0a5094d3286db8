package io.nearcast.campaign.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How often one shopper may get one campaign: per store-local day, per rolling week (7 × 24 h),
 * the pause after they dismissed it and after they redeemed it, and quiet hours of the campaign
 * (store-local). An empty part falls back to the server-wide default of {@link RespectRules}.
 */
public record Caps(OptionalInt perShopperPerDay, OptionalInt perShopperPerWeek, Optional<Duration> cooldownAfterDismiss,
                   Optional<Duration> cooldownAfterRedemption, Optional<LocalTimeRange> quietHours) {

    public static final Caps DEFAULTS = new Caps(OptionalInt.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public Caps {
        Objects.requireNonNull(perShopperPerDay, "perShopperPerDay");
        Objects.requireNonNull(perShopperPerWeek, "perShopperPerWeek");
        Objects.requireNonNull(cooldownAfterDismiss, "cooldownAfterDismiss");
        Objects.requireNonNull(cooldownAfterRedemption, "cooldownAfterRedemption");
        Objects.requireNonNull(quietHours, "quietHours");
    }

    /**
     * This campaign's caps, with the server-wide defaults where it gives none. A default cooldown
     * never breaks the rule that a dismissal pauses at least as long as a redemption: a campaign
     * that sets only a short dismissal cooldown gets at most that after a redemption, one that
     * sets only a long redemption cooldown gets at least that after a dismissal.
     */
    public Caps orElse(Caps defaults) {
        Optional<Duration> dismiss = cooldownAfterDismiss.isPresent() ? cooldownAfterDismiss
                : longer(defaults.cooldownAfterDismiss, cooldownAfterRedemption);
        Optional<Duration> redemption = cooldownAfterRedemption.isPresent() ? cooldownAfterRedemption
                : shorter(defaults.cooldownAfterRedemption, cooldownAfterDismiss);
        OptionalInt day = perShopperPerDay.isPresent() ? perShopperPerDay : defaults.perShopperPerDay;
        OptionalInt week = perShopperPerWeek.isPresent() ? perShopperPerWeek : defaults.perShopperPerWeek;
        if (perShopperPerWeek.isEmpty() && week.isPresent() && day.isPresent() && week.getAsInt() < day.getAsInt()) {
            week = day; // a campaign allowing 5 a day is not held to the default 2 a week
        }
        return new Caps(day, week, dismiss, redemption, quietHours.or(defaults::quietHours));
    }

    private static Optional<Duration> longer(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.or(() -> b);
        }
        return Optional.of(a.get().compareTo(b.get()) >= 0 ? a.get() : b.get());
    }

    private static Optional<Duration> shorter(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.or(() -> b);
        }
        return Optional.of(a.get().compareTo(b.get()) <= 0 ? a.get() : b.get());
    }
}
