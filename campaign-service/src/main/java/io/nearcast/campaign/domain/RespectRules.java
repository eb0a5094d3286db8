package io.nearcast.campaign.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The server-wide rules that keep Nearcast from being pushy, and the defaults of the per-campaign
 * {@link Caps}. Every rule holds for every campaign; a campaign's own caps replace only the
 * defaults.
 *
 * @param offersPerVisit    most offers one shopper gets in one store visit, over all campaigns
 * @param offersPerDay      most offers one shopper gets per store-local day, over all campaigns and stores
 * @param quietHours        store-local hours without any offer
 * @param defaults          caps of campaigns that set none; both cooldowns present, the one after
 *                          a dismissal at least as long as the one after a redemption
 * @param visitGap          a store visit ends after this long without an occasion
 * @param offerValidity     how long an offer stays redeemable when its campaign does not say
 */
public record RespectRules(int offersPerVisit, int offersPerDay, Optional<LocalTimeRange> quietHours, Caps defaults, Duration visitGap,
                           Duration offerValidity) {

    /** How far back caps and cooldowns look; cooldowns and the weekly cap cannot reach further. */
    public static final Duration LOOKBACK = Duration.ofDays(7);

    public RespectRules {
        Objects.requireNonNull(quietHours, "quietHours");
        Objects.requireNonNull(defaults, "defaults");
        Objects.requireNonNull(visitGap, "visitGap");
        Objects.requireNonNull(offerValidity, "offerValidity");
        if (offersPerVisit < 1 || offersPerDay < 1) {
            throw new IllegalArgumentException("offersPerVisit and offersPerDay must be at least 1");
        }
        if (defaults.perShopperPerDay().isEmpty() || defaults.perShopperPerWeek().isEmpty()
                || defaults.cooldownAfterDismiss().isEmpty() || defaults.cooldownAfterRedemption().isEmpty()) {
            throw new IllegalArgumentException("the default caps give per-day and per-week caps and both cooldowns");
        }
        if (defaults.cooldownAfterDismiss().get().compareTo(defaults.cooldownAfterRedemption().get()) < 0) {
            throw new IllegalArgumentException("the cooldown after a dismissal must be at least the one after a redemption");
        }
    }

    /** The defaults: 2 offers per visit, 4 per day; per campaign 1 per day and 2 per week, 3 days' pause after a dismissal, 1 day after a redemption; offers valid 2 h; a visit ends after 30 min. */
    public static RespectRules standard() {
        return new RespectRules(2, 4, Optional.empty(),
                new Caps(java.util.OptionalInt.of(1), java.util.OptionalInt.of(2), Optional.of(Duration.ofDays(3)), Optional.of(Duration.ofDays(1)),
                        Optional.empty()),
                Duration.ofMinutes(30), Duration.ofHours(2));
    }
}
