package io.nearcast.campaign.domain;

import static io.nearcast.campaign.domain.CampaignBuilder.campaign;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The explanation of a decision names the campaign that made the offer, however many were blocked before it. */
class ExplanationTest {

    private static final Instant NOON = Instant.parse("2026-12-02T11:00:00Z");

    @Test
    void namesTheChosenCampaignEvenBehindSixteenBlockedOnes() {
        List<CampaignBuilder> campaigns = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            campaigns.add(campaign("blocked-" + i).priority(100 - i).hours("03:00", "04:00")); // outside its hours at noon
        }
        campaigns.add(campaign("winner").priority(1).generousCaps());
        campaigns.add(campaign("lower").priority(0).generousCaps());
        TestShop shop = new TestShop(NOON).with(campaigns.toArray(CampaignBuilder[]::new));

        Decision decision = shop.decide("shopper-1");

        assertThat(decision.verdicts()).hasSize(Decision.MAX_VERDICTS);
        assertThat(TestShop.outcome(decision, "winner")).isEqualTo("chosen");
        assertThat(decision.verdicts().get(Decision.MAX_VERDICTS - 1)).isEqualTo(Verdict.chosen("winner"));
        assertThat(decision.unlisted()).as("5 blocked ones and the outranked one are counted, not listed").isEqualTo(6);
        assertThat(decision.explanation()).endsWith("winner:chosen (+6 more)");
        assertThat(decision.offerId()).isPresent();
    }

    @Test
    void aCampaignWithAHighDailyCapIsNotHeldToTheDefaultWeeklyCap() {
        Caps own = new Caps(OptionalInt.of(5), OptionalInt.empty(), java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty());

        Caps effective = own.orElse(RespectRules.standard().defaults());

        assertThat(effective.perShopperPerDay()).hasValue(5);
        assertThat(effective.perShopperPerWeek()).as("the default of 2 a week would undercut 5 a day").hasValue(5);
    }
}
