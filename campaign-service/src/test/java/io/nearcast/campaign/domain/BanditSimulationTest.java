package io.nearcast.campaign.domain;

import static io.nearcast.campaign.domain.CampaignBuilder.campaign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nearcast.kernel.domain.Caller;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The bandit against simulated shoppers: every decision is about a new shopper (so caps never
 * interfere), who then redeems the offer with the true rate of its variant (a staff token of the
 * store at the till) or else dismisses it. Fixed seeds: the runs are the same every time.
 */
class BanditSimulationTest {

    private static final long SEED = 20_260_329L;
    /** The server's default (NEARCAST_CAMPAIGN_EXPLORATION). */
    private static final double EXPLORATION = 0.05;
    private static final double[] TRUE_RATES = {0.05, 0.10};
    private static final int BETTER = 1;
    private static final int DECISIONS = 5_000;
    private static final int BLOCK = 250;
    private static final Instant START = Instant.parse("2026-06-10T06:00:00Z");

    @Test
    void thompsonSamplingGivesTheBetterVariantMostOfTheLastThousandDeliveries() throws IOException {
        int[] variants = simulate(new VariantChooser(EXPLORATION, fixed(new SplittableRandom(SEED))), TRUE_RATES, DECISIONS,
                new SplittableRandom(SEED + 1));

        List<Double> curve = new ArrayList<>();
        for (int block = 0; block < DECISIONS / BLOCK; block++) {
            curve.add(shareOf(BETTER, variants, block * BLOCK, (block + 1) * BLOCK));
        }
        double lastThousand = shareOf(BETTER, variants, DECISIONS - 1_000, DECISIONS);
        String json = String.format(Locale.ROOT,
                "{\"name\":\"bandit-curve\",\"seed\":%d,\"decisions\":%d,\"blockSize\":%d,\"trueRates\":[%.2f,%.2f],\"explorationShare\":%.2f,"
                        + "\"betterVariantShareByBlock\":[%s],\"betterVariantShareLast1000\":%.3f}",
                SEED, DECISIONS, BLOCK, TRUE_RATES[0], TRUE_RATES[1], EXPLORATION,
                curve.stream().map(share -> String.format(Locale.ROOT, "%.3f", share)).collect(Collectors.joining(",")), lastThousand);
        System.out.println(json);
        Path target = Path.of(System.getProperty("basedir", ".")).resolve("target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("bandit-curve.json"), json + "\n", StandardCharsets.UTF_8);

        assertThat(lastThousand).isGreaterThanOrEqualTo(0.80);
        assertThat(curve.get(curve.size() - 1)).as("it learned: the last block beats the first").isGreaterThan(curve.get(0));
        assertThat(Files.readString(target.resolve("bandit-curve.json"))).startsWith("{\"name\":\"bandit-curve\"");
    }

    @Test
    void everyRedemptionAndDismissalReachesTheBanditsCounts() {
        SplittableRandom shoppers = new SplittableRandom(SEED + 2);
        TestShop shop = shop(new VariantChooser(EXPLORATION, fixed(new SplittableRandom(SEED))), 2);
        int redeemed = 0;
        for (int i = 0; i < 500; i++) {
            redeemed += deliverAndRespond(shop, "shopper-" + i, TRUE_RATES, shoppers) ? 1 : 0;
        }

        CampaignTally tally = shop.tallies.find("cmp-bandit").orElseThrow();
        assertThat(tally.total(Metric.DELIVERED)).isEqualTo(500);
        assertThat(tally.successes(0) + tally.successes(1)).isEqualTo(redeemed);
        assertThat(tally.failures(0) + tally.failures(1)).isEqualTo(500 - redeemed);
        assertThat(tally.total(Metric.DISMISSED)).isEqualTo(500 - redeemed);
    }

    @Test
    void withAFifthExploredEachOfThreeEqualVariantsKeepsItsShare() {
        int[] variants = simulate(new VariantChooser(0.2, fixed(new SplittableRandom(SEED))), new double[] {0.08, 0.08, 0.08}, 3_000,
                new SplittableRandom(SEED + 3));

        for (int variant = 0; variant < 3; variant++) {
            assertThat(shareOf(variant, variants, 0, variants.length)).as("variant %d", variant).isGreaterThanOrEqualTo(0.06);
        }
    }

    @Test
    void explorationKeepsVariantsTheBanditHasGivenUpOnAlive() {
        CampaignTally tally = new CampaignTally(3);
        tally.add(0, Metric.REDEEMED, 1_000);
        tally.add(1, Metric.DISMISSED, 1_000);
        tally.add(2, Metric.EXPIRED, 1_000);

        int[] explored = choose(new VariantChooser(0.2, fixed(new SplittableRandom(SEED))), tally, 20_000);
        int[] greedy = choose(new VariantChooser(0.0, fixed(new SplittableRandom(SEED))), tally, 20_000);

        // a fifth drawn uniformly: 1/15 each for the losers, with Thompson giving them nothing more
        assertThat(shareOf(1, explored, 0, explored.length)).isBetween(0.06, 0.075);
        assertThat(shareOf(2, explored, 0, explored.length)).isBetween(0.06, 0.075);
        assertThat(shareOf(0, greedy, 0, greedy.length)).isEqualTo(1.0);
    }

    @Test
    void withoutAnyRedemptionsYetTheVariantsShareTheOffers() {
        int[] variants = choose(new VariantChooser(0.0, fixed(new SplittableRandom(SEED))), new CampaignTally(2), 10_000);

        assertThat(shareOf(0, variants, 0, variants.length)).isBetween(0.47, 0.53);
    }

    @Test
    void aSingleVariantIsAlwaysTheOne() {
        int[] variants = choose(new VariantChooser(1.0, fixed(new SplittableRandom(SEED))), new CampaignTally(1), 100);

        assertThat(shareOf(0, variants, 0, variants.length)).isEqualTo(1.0);
    }

    @Test
    void refusesAnExplorationShareOutsideZeroToOne() {
        for (double share : new double[] {-0.01, 1.01, Double.NaN}) {
            assertThatThrownBy(() -> new VariantChooser(share, fixed(new SplittableRandom(1)))).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** The variant of each decision's offer. */
    private static int[] simulate(VariantChooser chooser, double[] rates, int decisions, SplittableRandom shoppers) {
        TestShop shop = shop(chooser, rates.length);
        int[] variants = new int[decisions];
        for (int i = 0; i < decisions; i++) {
            String shopper = "shopper-" + i;
            deliverAndRespond(shop, shopper, rates, shoppers);
            variants[i] = shop.ledger.ofShopper(shopper).get(0).variant();
        }
        assertThat(shop.delivered).hasSize(decisions);
        return variants;
    }

    /** @return whether the shopper redeemed */
    private static boolean deliverAndRespond(TestShop shop, String shopper, double[] rates, SplittableRandom shoppers) {
        Offer offer = shop.offer(shop.decide(shopper));
        shop.clock.advance(Duration.ofSeconds(5));
        boolean redeems = shoppers.nextDouble() < rates[offer.variant()];
        if (redeems) {
            assertThat(shop.lifecycle.redeem(TestShop.STAFF, offer.id()).status()).isEqualTo(OfferStatus.REDEEMED);
        } else {
            assertThat(shop.lifecycle.dismiss(Caller.shopper(shopper), offer.id()).status()).isEqualTo(OfferStatus.DISMISSED);
        }
        shop.clock.advance(Duration.ofSeconds(5));
        return redeems;
    }

    private static TestShop shop(VariantChooser chooser, int variants) {
        return new TestShop(RespectRules.standard(), chooser, START).with(campaign("cmp-bandit").variants(variants));
    }

    private static int[] choose(VariantChooser chooser, CampaignTally tally, int times) {
        int[] variants = new int[times];
        for (int i = 0; i < times; i++) {
            variants[i] = chooser.choose(tally);
        }
        return variants;
    }

    private static double shareOf(int variant, int[] variants, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n += variants[i] == variant ? 1 : 0;
        }
        return (double) n / (to - from);
    }

    private static java.util.function.Supplier<java.util.random.RandomGenerator> fixed(SplittableRandom random) {
        return () -> random;
    }
}
