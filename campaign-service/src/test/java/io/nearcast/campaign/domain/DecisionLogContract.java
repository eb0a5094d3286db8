package io.nearcast.campaign.domain;

import static io.nearcast.campaign.domain.Samples.T0;
import static io.nearcast.campaign.domain.Samples.decision;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.nearcast.kernel.domain.PageRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link DecisionLog} port's contract; the in-memory log and the JDBC one on H2 and PostgreSQL run it. */
public abstract class DecisionLogContract {

    private DecisionLog decisions;

    /** A fresh, empty log. */
    protected abstract DecisionLog freshLog() throws Exception;

    @BeforeEach
    void createLog() throws Exception {
        decisions = freshLog();
    }

    @Test
    void aDecisionReadsBackWithItsExplanationAndTheCountOfUnlistedVerdicts() {
        Decision decision = new Decision("dec-1", "shopper-1", "store-1", Optional.of("wine"), TriggerType.DWELL, T0,
                List.of(Verdict.blocked("cmp-a", BlockReason.CAP_DAY), Verdict.chosen("cmp-b"), Verdict.blocked("cmp-c", BlockReason.OUTRANKED)), 3,
                Optional.of("off-1"));

        decisions.record(decision);

        Decision read = decisions.find("dec-1").orElseThrow();
        assertThat(read).isEqualTo(decision);
        assertThat(read.explanation()).isEqualTo("cmp-a:cap-per-day cmp-b:chosen cmp-c:outranked (+3 more)");
    }

    @Test
    void aDecisionWithTheMostVerdictsKeptAndEveryReasonReadsBack() {
        List<Verdict> verdicts = new ArrayList<>();
        BlockReason[] reasons = BlockReason.values();
        for (int i = 0; i < Decision.MAX_VERDICTS - 1; i++) {
            verdicts.add(Verdict.blocked("cmp_" + i, reasons[i % reasons.length]));
        }
        verdicts.add(Verdict.chosen("cmp:with:colons"));
        Decision decision = new Decision("dec-1", "shopper-1", "store-1", Optional.empty(), TriggerType.TAP, T0, verdicts, 12, Optional.empty());
        Decision others = new Decision("dec-2", "shopper-1", "store-1", Optional.empty(), TriggerType.SCAN, T0.plusSeconds(1),
                List.of(Verdict.blocked("cmp-x", BlockReason.COOLDOWN_REDEEMED), Verdict.blocked("cmp-y", BlockReason.BUDGET_REDEMPTIONS),
                        Verdict.blocked("cmp-z", BlockReason.AUDIENCE_SEGMENT)), 0, Optional.empty());

        decisions.record(decision);
        decisions.record(others);

        assertThat(decisions.find("dec-1")).contains(decision);
        assertThat(decisions.find("dec-2")).contains(others);
    }

    @Test
    void aDecisionThatReachedNoCampaignReadsBack() {
        Decision decision = new Decision("dec-1", "shopper-1", "store-1", Optional.of("door"), TriggerType.EXIT, T0, List.of(), 0, Optional.empty());

        decisions.record(decision);

        assertThat(decisions.find("dec-1")).contains(decision);
        assertThat(decisions.find("dec-2")).isEmpty();
    }

    @Test
    void aShoppersDecisionsAreOnlyTheirsOldestFirst() {
        decisions.record(decision("dec-1", "shopper-1", "store-1", T0));
        decisions.record(decision("dec-2", "shopper-2", "store-1", T0.plusSeconds(1)));
        decisions.record(decision("dec-3", "shopper-1", "store-2", T0.plusSeconds(2)));

        assertThat(decisions.ofShopper("shopper-1")).extracting(Decision::id).containsExactly("dec-1", "dec-3");
        assertThat(decisions.ofShopper("shopper-3")).isEmpty();
    }

    @Test
    void aStoresDecisionsComeNewestFirstPageByPage() {
        for (int i = 0; i < 5; i++) {
            decisions.record(decision("dec-" + i, "shopper-" + i, "store-1", T0.plusSeconds(i)));
        }
        decisions.record(decision("dec-other", "shopper-1", "store-2", T0.plusSeconds(10)));

        assertThat(decisions.ofStore("store-1", new PageRequest(0, 3)).items()).extracting(Decision::id).containsExactly("dec-4", "dec-3", "dec-2");
        assertThat(decisions.ofStore("store-1", new PageRequest(1, 3)).items()).extracting(Decision::id).containsExactly("dec-1", "dec-0");
        assertThat(decisions.ofStore("store-1", new PageRequest(1, 3)).total()).isEqualTo(5);
        assertThat(decisions.ofStore("store-1", new PageRequest(0, 50)).items()).extracting(Decision::id)
                .containsExactly("dec-4", "dec-3", "dec-2", "dec-1", "dec-0");
        assertThat(decisions.ofStore("store-3", new PageRequest(0, 10)).items()).isEmpty();
        assertThat(decisions.ofStore("store-3", new PageRequest(0, 10)).total()).isZero();
    }

    @Test
    void erasureRemovesOnlyThatShoppersDecisions() {
        decisions.record(decision("dec-1", "shopper-1", "store-1", T0));
        decisions.record(decision("dec-2", "shopper-1", "store-2", T0.plusSeconds(1)));
        decisions.record(decision("dec-3", "shopper-2", "store-1", T0));

        assertThat(decisions.erase("shopper-1")).isEqualTo(2);
        assertThat(decisions.erase("shopper-1")).isZero();

        assertThat(decisions.ofShopper("shopper-1")).isEmpty();
        assertThat(decisions.find("dec-1")).isEmpty();
        assertThat(decisions.ofStore("store-1", new PageRequest(0, 10)).items()).extracting(Decision::id).containsExactly("dec-3");
    }

    @Test
    void retentionRemovesTheDecisionsMadeBeforeTheCutoff() {
        decisions.record(decision("dec-1", "shopper-1", "store-1", T0));
        decisions.record(decision("dec-2", "shopper-2", "store-1", T0.plusSeconds(1)));
        decisions.record(decision("dec-3", "shopper-1", "store-1", T0.plusSeconds(2)));

        assertThat(decisions.purgeBefore(T0.plusSeconds(1))).isEqualTo(1);

        assertThat(decisions.ofStore("store-1", new PageRequest(0, 10)).items()).extracting(Decision::id).containsExactly("dec-3", "dec-2");
    }
}
