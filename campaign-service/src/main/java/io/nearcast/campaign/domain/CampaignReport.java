package io.nearcast.campaign.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * What works: a campaign's funnel per variant and per zone (deliveries → opens → redemptions,
 * dismissals, expiries), the conversion rate (redemptions per delivery) with a 95 % credible
 * interval from its Beta(1 + redeemed, 1 + delivered − redeemed) posterior, and each variant's
 * current share under the bandit (the probability that its rate is the highest, by 4,000 joint
 * posterior draws with a fixed seed, so the same counts give the same answer).
 */
public record CampaignReport(String campaignId, Funnel total, List<VariantLine> variants, List<ZoneLine> zones) {

    private static final int SHARE_DRAWS = 4_000;

    /** Counts and the conversion rate with its credible interval. */
    public record Funnel(long deliveries, long opens, long redemptions, long dismissals, long expiries, double conversionRate,
                         double credibleLow, double credibleHigh) {

        static Funnel of(long[] counts) {
            long delivered = counts[Metric.DELIVERED.ordinal()];
            long redeemed = Math.min(counts[Metric.REDEEMED.ordinal()], delivered);
            double a = 1 + redeemed;
            double b = 1 + delivered - redeemed;
            return new Funnel(delivered, counts[Metric.OPENED.ordinal()], counts[Metric.REDEEMED.ordinal()], counts[Metric.DISMISSED.ordinal()],
                    counts[Metric.EXPIRED.ordinal()], delivered == 0 ? 0 : (double) redeemed / delivered,
                    BetaDistribution.quantile(0.025, a, b), BetaDistribution.quantile(0.975, a, b));
        }
    }

    /** @param banditShare probability that this variant's redemption rate is the highest */
    public record VariantLine(int variant, Funnel funnel, double banditShare) {
    }

    /** @param zoneId empty for offers made outside any zone */
    public record ZoneLine(Optional<String> zoneId, Funnel funnel) {
    }

    public static CampaignReport of(Campaign campaign, List<CampaignStats.Row> rows, Optional<CampaignTally> tally) {
        int variants = campaign.variants().size();
        long[][] byVariant = new long[variants][Metric.values().length];
        long[] total = new long[Metric.values().length];
        Map<String, long[]> byZone = new TreeMap<>();
        for (CampaignStats.Row row : rows) {
            if (row.variant() < variants) {
                add(byVariant[row.variant()], row.counts());
            }
            add(total, row.counts());
            add(byZone.computeIfAbsent(row.zoneId().orElse(""), zone -> new long[Metric.values().length]), row.counts());
        }
        double[] shares = shares(variants, tally);
        List<VariantLine> variantLines = new ArrayList<>();
        for (int variant = 0; variant < variants; variant++) {
            variantLines.add(new VariantLine(variant, Funnel.of(byVariant[variant]), shares[variant]));
        }
        List<ZoneLine> zoneLines = new ArrayList<>();
        byZone.forEach((zone, counts) -> zoneLines.add(new ZoneLine(zone.isEmpty() ? Optional.empty() : Optional.of(zone), Funnel.of(counts))));
        return new CampaignReport(campaign.id(), Funnel.of(total), variantLines, zoneLines);
    }

    private static void add(long[] into, long[] counts) {
        for (int i = 0; i < into.length; i++) {
            into[i] += counts[i];
        }
    }

    /** P(variant is best) under the bandit's posteriors (closed offers only, as the bandit learns). */
    private static double[] shares(int variants, Optional<CampaignTally> tally) {
        double[] shares = new double[variants];
        if (variants == 1) {
            shares[0] = 1;
            return shares;
        }
        SplittableRandom random = new SplittableRandom(42);
        for (int draw = 0; draw < SHARE_DRAWS; draw++) {
            int best = 0;
            double bestValue = -1;
            for (int variant = 0; variant < variants; variant++) {
                double value = BetaDistribution.sample(1 + success(tally, variant), 1 + failure(tally, variant), random);
                if (value > bestValue) {
                    bestValue = value;
                    best = variant;
                }
            }
            shares[best] += 1.0 / SHARE_DRAWS;
        }
        return shares;
    }

    private static long success(Optional<CampaignTally> tally, int variant) {
        return tally.filter(t -> variant < t.variants()).map(t -> t.successes(variant)).orElse(0L);
    }

    private static long failure(Optional<CampaignTally> tally, int variant) {
        return tally.filter(t -> variant < t.variants()).map(t -> t.failures(variant)).orElse(0L);
    }
}
