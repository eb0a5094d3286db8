package io.nearcast.campaign.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decides whether an occasion gets an offer, and which: the campaigns the trigger reaches, best
 * first; each checked against its schedule, products, audience, context, the server-wide respect
 * rules and its own caps and budget; the first that passes makes the offer, its variant chosen
 * by the {@link VariantChooser}. Pure apart from the budget reservation: it reads the shopper's
 * recent offers as given and returns what to record. Must run under the shopper's lock (see
 * {@link OccasionHandler}) so that its caps see every earlier offer. Thread-safe.
 */
public final class DecisionEngine {

    private final RespectRules rules;
    private final ContextBoard context;
    private final Tallies tallies;
    private final VariantChooser chooser;
    private final Supplier<String> ids;

    /** @param ids unique, unguessable tokens; decision ids get {@code dec_} before them, offer ids {@code ofr_} */
    public DecisionEngine(RespectRules rules, ContextBoard context, Tallies tallies, VariantChooser chooser, Supplier<String> ids) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.context = Objects.requireNonNull(context, "context");
        this.tallies = Objects.requireNonNull(tallies, "tallies");
        this.chooser = Objects.requireNonNull(chooser, "chooser");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /** The decision, and the offer if one is made (its delivery is already reserved in the campaign's budget). */
    public record Result(Decision decision, Optional<Offer> offer, Optional<Campaign> campaign) {
    }

    /**
     * @param store    the store's campaigns (time zone, schedules by minute)
     * @param reached  the campaigns the occasion's trigger reaches, best first (non-empty)
     * @param recent   the shopper's offers delivered in the last {@link RespectRules#LOOKBACK}
     * @param now      the decision time (caps, schedules, expiry)
     */
    public Result decide(Occasion occasion, CampaignCatalog.StoreCampaigns store, List<CampaignCatalog.Reached> reached, ShopperProfile profile,
                         StoreVisits.Visit visit, List<Offer> recent, Instant now) {
        ZoneId timezone = store.timezone();
        LocalDateTime local = LocalDateTime.ofInstant(now, timezone);
        History history = new History(recent, visit.key(), local.toLocalDate(), timezone, now);
        BlockReason everyone = serverWide(local, history);
        Optional<ContextReading> weather = context.current(occasion.storeId()); // once per decision, not per campaign
        java.util.BitSet running = store.runningAt(local);
        CampaignCatalog.StoreCampaigns.WeatherFit fit = weather.map(store::fitting).orElse(null);
        List<Verdict> verdicts = new ArrayList<>(Math.min(reached.size(), Decision.MAX_VERDICTS));
        int unlisted = 0;
        Campaign chosen = null;
        for (CampaignCatalog.Reached entry : reached) {
            Campaign campaign = entry.campaign();
            if (!campaign.trigger().firesOn(occasion)) {
                continue;
            }
            BlockReason reason = chosen != null ? BlockReason.OUTRANKED : everyone != null ? everyone
                    : !running.get(entry.slot()) ? BlockReason.SCHEDULE : exclusion(entry, occasion, local, profile, weather, fit, history, now);
            if (reason == null && !tallies.of(campaign).reserveDelivery(campaign.budget().maxDeliveries())) {
                reason = BlockReason.BUDGET_DELIVERIES;
            }
            if (reason == null) {
                chosen = campaign;
            }
            // the last place is kept for the chosen campaign, so the explanation always names it
            boolean room = verdicts.size() < Decision.MAX_VERDICTS - 1 || verdicts.size() < Decision.MAX_VERDICTS && (reason == null || chosen != null);
            if (room) {
                verdicts.add(reason == null ? Verdict.chosen(campaign.id()) : Verdict.blocked(campaign.id(), reason));
            } else {
                unlisted++;
            }
            if (chosen != null && verdicts.size() >= Decision.MAX_VERDICTS) {
                unlisted += countRemaining(reached, entry, occasion);
                break;
            }
        }
        String decisionId = "dec_" + ids.get();
        Optional<Offer> offer = Optional.empty();
        if (chosen != null) {
            int variant = chooser.choose(tallies.of(chosen));
            Duration validity = chosen.offerValidity();
            offer = Optional.of(new Offer("ofr_" + ids.get(), chosen.id(), variant, occasion.shopperId(), occasion.storeId(), occasion.zoneId(), visit.key(),
                    decisionId, now, now.plus(validity), OfferStatus.DELIVERED, Optional.empty(), Optional.empty()));
        }
        Decision decision = new Decision(decisionId, occasion.shopperId(), occasion.storeId(), occasion.zoneId(), occasion.trigger(), now,
                verdicts, unlisted, offer.map(Offer::id));
        return new Result(decision, offer, Optional.ofNullable(chosen));
    }

    /** The rules that hold for every campaign at once. */
    private BlockReason serverWide(LocalDateTime local, History history) {
        if (rules.quietHours().isPresent() && rules.quietHours().get().contains(local.toLocalTime())) {
            return BlockReason.QUIET_HOURS;
        }
        if (history.inThisVisit() >= rules.offersPerVisit()) {
            return BlockReason.VISIT_LIMIT;
        }
        if (history.today() >= rules.offersPerDay()) {
            return BlockReason.DAILY_LIMIT;
        }
        return null;
    }

    /** The first rule of the campaign's own after its schedule that blocks it, or {@code null}. */
    private BlockReason exclusion(CampaignCatalog.Reached entry, Occasion occasion, LocalDateTime local, ShopperProfile profile,
                                  Optional<ContextReading> weather, CampaignCatalog.StoreCampaigns.WeatherFit fit, History history, Instant now) {
        Campaign campaign = entry.campaign();
        if (!campaign.gtins().isEmpty() && (occasion.gtin().isEmpty() || !campaign.gtins().contains(occasion.gtin().get()))) {
            return BlockReason.PRODUCT;
        }
        BlockReason audience = campaign.audience().exclusion(profile);
        if (audience != null) {
            return audience;
        }
        if (campaign.context().isPresent()) {
            if (weather.isEmpty() || campaign.context().get().isStale(weather.get(), now)) {
                return BlockReason.CONTEXT_STALE;
            }
            if (!fit.weather().get(entry.slot())) {
                return BlockReason.CONTEXT_WEATHER;
            }
            if (!fit.temperature().get(entry.slot())) {
                return BlockReason.CONTEXT_TEMPERATURE;
            }
        }
        BlockReason caps = history.capExclusion(campaign, campaign.caps().orElse(rules.defaults()), local);
        if (caps != null) {
            return caps;
        }
        if (campaign.budget().maxRedemptions().isPresent()
                && tallies.of(campaign).total(Metric.REDEEMED) >= campaign.budget().maxRedemptions().getAsLong()) {
            return BlockReason.BUDGET_REDEMPTIONS;
        }
        return null;
    }

    private static int countRemaining(List<CampaignCatalog.Reached> reached, CampaignCatalog.Reached after, Occasion occasion) {
        int remaining = 0;
        boolean seen = false;
        for (CampaignCatalog.Reached entry : reached) {
            if (seen && entry.campaign().trigger().firesOn(occasion)) {
                remaining++;
            }
            seen |= entry == after;
        }
        return remaining;
    }

    /** The shopper's recent offers, read once per decision. */
    private static final class History {
        private final List<Offer> recent;
        private final String visitKey;
        private final LocalDate today;
        private final Instant now;
        private final LocalDate[] days;

        History(List<Offer> recent, String visitKey, LocalDate today, ZoneId timezone, Instant now) {
            this.recent = recent;
            this.visitKey = visitKey;
            this.today = today;
            this.now = now;
            this.days = new LocalDate[recent.size()];
            for (int i = 0; i < days.length; i++) {
                days[i] = LocalDate.ofInstant(recent.get(i).deliveredAt(), timezone);
            }
        }

        int inThisVisit() {
            int n = 0;
            for (Offer offer : recent) {
                if (offer.visitKey().equals(visitKey)) {
                    n++;
                }
            }
            return n;
        }

        int today() {
            int n = 0;
            for (LocalDate day : days) {
                if (day.equals(today)) {
                    n++;
                }
            }
            return n;
        }

        BlockReason capExclusion(Campaign campaign, Caps caps, LocalDateTime local) {
            if (caps.quietHours().isPresent() && caps.quietHours().get().contains(local.toLocalTime())) {
                return BlockReason.QUIET_HOURS;
            }
            int day = 0;
            int week = 0;
            Instant weekAgo = now.minus(RespectRules.LOOKBACK);
            for (int i = 0; i < recent.size(); i++) {
                Offer offer = recent.get(i);
                if (!offer.campaignId().equals(campaign.id())) {
                    continue;
                }
                if (offer.visitKey().equals(visitKey)) {
                    return BlockReason.SAME_VISIT;
                }
                BlockReason cooldown = cooldown(offer, caps);
                if (cooldown != null) {
                    return cooldown;
                }
                if (days[i].equals(today)) {
                    day++;
                }
                if (offer.deliveredAt().isAfter(weekAgo)) {
                    week++;
                }
            }
            if (caps.perShopperPerDay().isPresent() && day >= caps.perShopperPerDay().getAsInt()) {
                return BlockReason.CAP_DAY;
            }
            if (caps.perShopperPerWeek().isPresent() && week >= caps.perShopperPerWeek().getAsInt()) {
                return BlockReason.CAP_WEEK;
            }
            return null;
        }

        private BlockReason cooldown(Offer offer, Caps caps) {
            if (offer.closedAt().isEmpty()) {
                return null;
            }
            Instant closed = offer.closedAt().get();
            if (offer.status() == OfferStatus.DISMISSED && caps.cooldownAfterDismiss().isPresent()
                    && now.isBefore(closed.plus(caps.cooldownAfterDismiss().get()))) {
                return BlockReason.COOLDOWN_DISMISSED;
            }
            if (offer.status() == OfferStatus.REDEEMED && caps.cooldownAfterRedemption().isPresent()
                    && now.isBefore(closed.plus(caps.cooldownAfterRedemption().get()))) {
                return BlockReason.COOLDOWN_REDEEMED;
            }
            return null;
        }
    }
}
