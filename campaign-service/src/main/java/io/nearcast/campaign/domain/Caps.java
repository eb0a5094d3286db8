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

    /** This campaign's caps, with the server-wide defaults where it gives none. */
    public Caps orElse(Caps defaults) {
        return new Caps(perShopperPerDay.isPresent() ? perShopperPerDay : defaults.perShopperPerDay,
                perShopperPerWeek.isPresent() ? perShopperPerWeek : defaults.perShopperPerWeek,
                cooldownAfterDismiss.or(defaults::cooldownAfterDismiss),
                cooldownAfterRedemption.or(defaults::cooldownAfterRedemption),
                quietHours.or(defaults::quietHours));
    }
}
