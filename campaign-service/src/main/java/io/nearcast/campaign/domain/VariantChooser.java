package io.nearcast.campaign.domain;

import java.util.Objects;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Picks the variant of an offer by Thompson sampling on redemption rates: each variant's rate
 * has the posterior Beta(1 + redeemed, 1 + not redeemed) (not redeemed = dismissed or expired;
 * offers still open do not count yet), one draw per variant, the highest draw wins. With
 * probability {@code explorationShare} the variant is instead drawn uniformly, so every variant
 * keeps at least {@code explorationShare / variants} of the deliveries and a variant that looked
 * bad early can still recover. Thread-safe when the random source is (e.g. per thread).
 */
public final class VariantChooser {

    private final double explorationShare;
    private final Supplier<RandomGenerator> random;

    /** @param explorationShare 0 to 1 */
    public VariantChooser(double explorationShare, Supplier<RandomGenerator> random) {
        if (!(explorationShare >= 0 && explorationShare <= 1)) {
            throw new IllegalArgumentException("explorationShare must be between 0 and 1: " + explorationShare);
        }
        this.explorationShare = explorationShare;
        this.random = Objects.requireNonNull(random, "random");
    }

    public int choose(CampaignTally tally) {
        int variants = tally.variants();
        RandomGenerator rng = random.get();
        if (variants == 1) {
            return 0;
        }
        if (rng.nextDouble() < explorationShare) {
            return rng.nextInt(variants);
        }
        int best = 0;
        double bestDraw = -1;
        for (int variant = 0; variant < variants; variant++) {
            double draw = BetaDistribution.sample(1 + tally.successes(variant), 1 + tally.failures(variant), rng);
            if (draw > bestDraw) {
                bestDraw = draw;
                best = variant;
            }
        }
        return best;
    }
}
