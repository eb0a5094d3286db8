package io.nearcast.campaign.domain;

import static io.nearcast.campaign.domain.CampaignBuilder.campaign;
import static io.nearcast.campaign.domain.TestShop.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import io.nearcast.kernel.domain.Caller;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The rules that keep Nearcast from being pushy, seen through {@link OccasionHandler} and the
 * {@link DecisionEngine}: caps, limits per visit and day, cooldowns, budgets, priorities,
 * audiences and context, and what every decision says about them.
 */
class RespectRulesTest {

    /** Wednesday 10 June 2026, 10:00 in Berlin. */
    private static final Instant T0 = Instant.parse("2026-06-10T08:00:00Z");
    private static final Duration NEW_VISIT = Duration.ofMinutes(31);

    private final TestShop shop = new TestShop(T0);

    private void at(Duration sinceStart) {
        shop.clock.set(T0.plus(sinceStart));
    }

    private static Caps caps(int perDay, int perWeek, Duration afterDismiss, Duration afterRedemption) {
        return new Caps(OptionalInt.of(perDay), OptionalInt.of(perWeek), Optional.of(afterDismiss), Optional.of(afterRedemption), Optional.empty());
    }

    private static Duration minutes(long n) {
        return Duration.ofMinutes(n);
    }

    @Nested
    class PerCampaignCaps {

        @Test
        void theDayCapCountsTheStoresLocalDay() {
            shop.with(campaign("cmp-a").caps(caps(1, 7, Duration.ZERO, Duration.ZERO)));
            shop.clock.set(ZonedDateTime.of(2026, 6, 10, 23, 0, 0, 0, TestShop.BERLIN));
            assertThat(shop.decide("s").explanation()).isEqualTo("cmp-a:chosen");

            shop.clock.advance(minutes(50)); // 23:50, a new visit
            assertThat(shop.decide("s").explanation()).isEqualTo("cmp-a:cap-per-day");

            shop.clock.advance(minutes(20)); // 00:10 local, still 10 June in UTC
            assertThat(shop.decide("s").explanation()).isEqualTo("cmp-a:chosen");
        }

        @Test
        void theWeekCapCountsTheLastSevenTimesTwentyFourHours() {
            shop.with(campaign("cmp-a").caps(caps(1, 2, Duration.ZERO, Duration.ZERO)));

            assertThat(shop.decide("s").explanation()).isEqualTo("cmp-a:chosen");
            at(Duration.ofDays(1));
            assertThat(shop.decide("s").explanation()).isEqualTo("cmp-a:chosen");
            at(Duration.ofDays(2));
            assertThat(shop.decide("s").explanation()).isEqualTo("cmp-a:cap-per-week");
            at(Duration.ofDays(7).minus(minutes(1)));
            assertThat(shop.decide("s").explanation()).isEqualTo("cmp-a:cap-per-week");
            at(Duration.ofDays(7).plus(minutes(1)));
            assertThat(shop.decide("s").explanation()).isEqualTo("cmp-a:chosen");
            assertThat(shop.ledger.ofShopper("s")).hasSize(3);
        }

        @Test
        void theSameCampaignNeverComesTwiceInOneVisit() {
            shop.with(campaign("cmp-a").generousCaps());

            assertThat(shop.decide("s").explanation()).isEqualTo("cmp-a:chosen");
            at(minutes(20));
            assertThat(shop.decide("s").explanation()).isEqualTo("cmp-a:same-visit");
            at(minutes(40)); // 40 min after the first occasion but 20 after the last: the visit goes on
            assertThat(shop.decide("s").explanation()).isEqualTo("cmp-a:same-visit");
            at(minutes(40).plus(NEW_VISIT));
            assertThat(shop.decide("s").explanation()).isEqualTo("cmp-a:chosen");
        }

        @Test
        void aDismissalPausesTheCampaignLongerThanARedemption() {
            shop.with(campaign("cmp-a").caps(caps(100, 700, Duration.ofHours(3), Duration.ofHours(1))));
            Offer redeemed = shop.offer(shop.decide("redeemer"));
            Offer dismissed = shop.offer(shop.decide("dismisser"));
            shop.lifecycle.redeem(TestShop.STAFF, redeemed.id());
            shop.lifecycle.dismiss(Caller.shopper("dismisser"), dismissed.id());

            at(minutes(59));
            assertThat(shop.decide("redeemer").explanation()).isEqualTo("cmp-a:cooldown-after-redemption");
            assertThat(shop.decide("dismisser").explanation()).isEqualTo("cmp-a:cooldown-after-dismiss");
            at(minutes(61).plus(NEW_VISIT));
            assertThat(shop.decide("redeemer").explanation()).isEqualTo("cmp-a:chosen");
            assertThat(shop.decide("dismisser").explanation()).isEqualTo("cmp-a:cooldown-after-dismiss");
            at(minutes(179));
            assertThat(shop.decide("dismisser").explanation()).isEqualTo("cmp-a:cooldown-after-dismiss");
            at(minutes(181));
            assertThat(shop.decide("dismisser").explanation()).isEqualTo("cmp-a:chosen");
        }

        @Test
        void theStandardRulesPauseThreeDaysAfterADismissalAndOneAfterARedemption() {
            shop.with(campaign("cmp-a"));
            shop.lifecycle.redeem(TestShop.STAFF, shop.offer(shop.decide("redeemer")).id());
            shop.lifecycle.dismiss(Caller.shopper("dismisser"), shop.offer(shop.decide("dismisser")).id());

            at(Duration.ofHours(23));
            assertThat(shop.decide("redeemer").explanation()).isEqualTo("cmp-a:cooldown-after-redemption");
            at(Duration.ofHours(25));
            assertThat(shop.decide("redeemer").explanation()).isEqualTo("cmp-a:chosen");
            assertThat(shop.decide("dismisser").explanation()).isEqualTo("cmp-a:cooldown-after-dismiss");
            at(Duration.ofHours(71));
            assertThat(shop.decide("dismisser").explanation()).isEqualTo("cmp-a:cooldown-after-dismiss");
            at(Duration.ofHours(73));
            assertThat(shop.decide("dismisser").explanation()).isEqualTo("cmp-a:chosen");
        }

        @Test
        void aCampaignsShortDismissalCooldownAlsoShortensTheDefaultOneAfterARedemption() {
            // as in the CONTRACT example: 120 min after a dismissal, nothing said about redemptions (default: 1 day)
            shop.with(campaign("cmp-a").caps(new Caps(OptionalInt.of(5), OptionalInt.empty(), Optional.of(minutes(120)), Optional.empty(),
                    Optional.empty())));
            shop.lifecycle.redeem(TestShop.STAFF, shop.offer(shop.decide("redeemer")).id());

            at(minutes(119));
            assertThat(shop.decide("redeemer").explanation()).isEqualTo("cmp-a:cooldown-after-redemption");
            at(minutes(121));
            assertThat(shop.decide("redeemer").explanation()).isEqualTo("cmp-a:chosen");
        }

        @Test
        void anOfferThatExpiredUnseenPausesNothing() {
            shop.with(campaign("cmp-a").caps(caps(100, 700, Duration.ofHours(3), Duration.ofHours(1))).validity(minutes(10)));
            shop.decide("s");
            at(minutes(11));
            assertThat(shop.lifecycle.expire()).isEqualTo(1);

            at(NEW_VISIT);
            assertThat(shop.decide("s").explanation()).isEqualTo("cmp-a:chosen");
        }
    }

    @Nested
    class ServerWide {

        @Test
        void atMostTwoOffersPerVisitOverAllCampaigns() {
            shop.with(campaign("cmp-a").priority(3).generousCaps(), campaign("cmp-b").priority(2).generousCaps(),
                    campaign("cmp-c").priority(1).generousCaps());

            assertThat(shop.decide("s").explanation()).isEqualTo("cmp-a:chosen cmp-b:outranked cmp-c:outranked");
            assertThat(shop.decide("s").explanation()).isEqualTo("cmp-a:same-visit cmp-b:chosen cmp-c:outranked");
            assertThat(shop.decide("s").explanation()).isEqualTo("cmp-a:visit-limit cmp-b:visit-limit cmp-c:visit-limit");
            at(NEW_VISIT);
            assertThat(shop.decide("s").explanation()).isEqualTo("cmp-a:chosen cmp-b:outranked cmp-c:outranked");
            assertThat(shop.deliveredCampaigns()).containsExactly("cmp-a", "cmp-b", "cmp-a");
        }

        @Test
        void atMostFourOffersPerLocalDayOverAllCampaignsAndStores() {
            shop.with(campaign("cmp-here").generousCaps(), campaign("cmp-there").store(TestShop.OTHER_STORE).generousCaps());
            for (int visit = 0; visit < 4; visit++) {
                at(NEW_VISIT.multipliedBy(visit));
                Occasion occasion = visit % 2 == 0 ? shop.occasion("s", TriggerType.ENTER)
                        : Occasion.zone("s", TestShop.OTHER_STORE, TestShop.ZONE, TriggerType.ENTER, "visit-" + visit, shop.clock.instant());
                assertThat(shop.handle(occasion).orElseThrow().offerId()).isPresent();
            }

            at(NEW_VISIT.multipliedBy(4));
            assertThat(shop.decide("s").explanation()).isEqualTo("cmp-here:daily-limit");
            shop.clock.set(ZonedDateTime.of(2026, 6, 11, 0, 5, 0, 0, TestShop.BERLIN));
            assertThat(shop.decide("s").explanation()).isEqualTo("cmp-here:chosen");
        }

        @Test
        void limitsAreRulesOfTheServerThatACampaignCannotLift() {
            RespectRules strict = new RespectRules(1, 1, Optional.empty(), RespectRules.standard().defaults(), minutes(30), Duration.ofHours(2));
            TestShop strictShop = new TestShop(strict, T0).with(campaign("cmp-a").generousCaps(), campaign("cmp-b").generousCaps());

            assertThat(strictShop.decide("s").explanation()).isEqualTo("cmp-a:chosen cmp-b:outranked");
            assertThat(strictShop.decide("s").explanation()).isEqualTo("cmp-a:visit-limit cmp-b:visit-limit");
            strictShop.clock.advance(NEW_VISIT);
            assertThat(strictShop.decide("s").explanation()).isEqualTo("cmp-a:daily-limit cmp-b:daily-limit");
        }
    }

    @Nested
    class Budgets {

        @Test
        void aReachedRedemptionBudgetStopsFurtherOffersButNotTheOnesHeld() {
            shop.with(campaign("cmp-a").maxRedemptions(1));
            Offer first = shop.offer(shop.decide("first"));
            Offer held = shop.offer(shop.decide("holder"));
            shop.lifecycle.redeem(TestShop.STAFF, first.id());

            assertThat(shop.decide("late").explanation()).isEqualTo("cmp-a:budget-redemptions");
            assertThat(shop.lifecycle.redeem(TestShop.STAFF, held.id()).status()).isEqualTo(OfferStatus.REDEEMED);
            assertThat(shop.tallies.find("cmp-a").orElseThrow().total(Metric.REDEEMED)).isEqualTo(2);
        }

        @Test
        void aCampaignOutOfDeliveriesLetsTheNextOneOffer() {
            shop.with(campaign("cmp-a").priority(2).maxDeliveries(2), campaign("cmp-b").priority(1));

            assertThat(shop.decide("s1").explanation()).isEqualTo("cmp-a:chosen cmp-b:outranked");
            assertThat(shop.decide("s2").explanation()).isEqualTo("cmp-a:chosen cmp-b:outranked");
            assertThat(shop.decide("s3").explanation()).isEqualTo("cmp-a:budget-deliveries cmp-b:chosen");
            assertThat(shop.tallies.find("cmp-a").orElseThrow().deliveriesReserved()).isEqualTo(2);
        }
    }

    @Nested
    class Priorities {

        @Test
        void theHighestPriorityWinsAndTheOthersAreListedAsOutranked() {
            shop.with(campaign("cmp-low").priority(1), campaign("cmp-high").priority(10), campaign("cmp-mid").priority(5),
                    campaign("cmp-mid-older").priority(5).createdAt(Instant.parse("2025-12-01T00:00:00Z")));

            Decision decision = shop.decide("s");

            assertThat(decision.explanation()).isEqualTo("cmp-high:chosen cmp-mid-older:outranked cmp-mid:outranked cmp-low:outranked");
            assertThat(shop.deliveredCampaigns()).containsExactly("cmp-high");
        }

        @Test
        void whenTheBestIsBlockedTheNextInLineMakesTheOffer() {
            shop.with(campaign("cmp-high").priority(10).audience(new Audience(Set.of(), OptionalInt.of(2), OptionalInt.empty(), Set.of())),
                    campaign("cmp-mid").priority(5), campaign("cmp-low").priority(1));

            assertThat(shop.decide("s").explanation()).isEqualTo("cmp-high:audience-visits cmp-mid:chosen cmp-low:outranked");
            assertThat(shop.deliveredCampaigns()).containsExactly("cmp-mid");
        }

        @Test
        void theExplanationNamesTheRuleThatBlockedEachCampaign() {
            DayOfWeek notToday = DayOfWeek.THURSDAY;
            shop.with(campaign("cmp-thursdays").priority(6).days(notToday),
                    campaign("cmp-buyers").priority(5).stages(JourneyStage.PURCHASED),
                    campaign("cmp-cyclists").priority(4).audience(new Audience(Set.of(), OptionalInt.empty(), OptionalInt.empty(), Set.of("cycling"))),
                    campaign("cmp-rainy").priority(3).context(new ContextCondition(Set.of("rain"), OptionalDouble.empty(), OptionalDouble.empty(), minutes(60))),
                    campaign("cmp-open").priority(2),
                    campaign("cmp-spare").priority(1));

            Decision decision = shop.decide("s");

            assertThat(decision.explanation()).isEqualTo(
                    "cmp-thursdays:schedule cmp-buyers:audience-stage cmp-cyclists:audience-segment cmp-rainy:context-stale cmp-open:chosen cmp-spare:outranked");
            assertThat(Decision.parseVerdicts(decision.explanation())).isEqualTo(decision.verdicts());
            assertThat(shop.decisions.find(decision.id())).contains(decision);
            Offer offer = shop.offer(decision);
            assertThat(offer.decisionId()).isEqualTo(decision.id());
            assertThat(offer.campaignId()).isEqualTo("cmp-open");
            assertThat(shop.delivered).containsExactly(offer);
        }

        @Test
        void aDecisionWithoutAnOfferIsRecordedWithItsReasons() {
            shop.with(campaign("cmp-a").days(DayOfWeek.SUNDAY));

            Decision decision = shop.decide("s");

            assertThat(decision.offerId()).isEmpty();
            assertThat(shop.decisions.ofShopper("s")).containsExactly(decision);
            assertThat(decision.explanation()).isEqualTo("cmp-a:schedule");
            assertThat(shop.ledger.ofShopper("s")).isEmpty();
            assertThat(shop.delivered).isEmpty();
        }

        @Test
        void onlyTheFirstSixteenVerdictsAreListedAndTheRestCounted() {
            for (int i = 0; i < 20; i++) {
                shop.with(campaign(String.format("cmp-%02d", i)).priority(100 - i));
            }

            Decision decision = shop.decide("s");

            assertThat(decision.verdicts()).hasSize(Decision.MAX_VERDICTS);
            assertThat(decision.unlisted()).isEqualTo(4);
            assertThat(decision.explanation()).startsWith("cmp-00:chosen cmp-01:outranked").endsWith("cmp-15:outranked (+4 more)");
        }
    }

    @Nested
    class Consent {

        @Test
        void withoutConsentNothingIsDecidedAndNothingRecorded() {
            shop.with(campaign("cmp-a"));
            shop.withoutConsent.add("s");

            assertThat(shop.enter("s")).isEmpty();
            assertThat(shop.handle(shop.occasion("s", TriggerType.DWELL))).isEmpty();

            assertThat(shop.ledger.ofShopper("s")).isEmpty();
            assertThat(shop.decisions.size()).isZero();
            assertThat(shop.journeys.find("s")).isEmpty();
            assertThat(shop.visits.of("s")).isEmpty();
            assertThat(shop.delivered).isEmpty();
            assertThat(shop.handler.counters().withoutConsent.sum()).isEqualTo(2);
            assertThat(shop.tallies.find("cmp-a").orElseThrow().deliveriesReserved()).isZero();
        }

        @Test
        void withoutConsentASignalMovesNoJourney() {
            shop.withoutConsent.add("s");

            shop.handler.signal("s", JourneySignal.PURCHASE);

            assertThat(shop.journeys.find("s")).isEmpty();
        }

        @Test
        void anOccasionThatReachesNoCampaignRecordsNoDecisionButTheVisit() {
            shop.with(campaign("cmp-cheese").zones("cheese"), campaign("cmp-dwell").dwell(Duration.ofSeconds(60)), campaign("cmp-exit-elsewhere")
                    .trigger(TriggerType.EXIT).zones("cheese"));

            assertThat(shop.enter("s")).as("another zone's campaign").isEmpty();
            assertThat(shop.handle(shop.occasion("s", TriggerType.DWELL))).as("the zone's own dwell event, not the campaign's 60 s").isEmpty();
            assertThat(shop.handle(shop.occasion("s", TriggerType.EXIT))).isEmpty();

            assertThat(shop.decisions.size()).isZero();
            assertThat(shop.ledger.ofShopper("s")).isEmpty();
            assertThat(shop.delivered).isEmpty();
            assertThat(shop.handler.counters().unreached.sum()).isEqualTo(3);
            assertThat(shop.handler.counters().decisions.sum()).isZero();
            assertThat(shop.visits.of("s")).containsKey(TestShop.STORE);
            assertThat(shop.journeys.find("s").orElseThrow().visits(TestShop.STORE)).isEqualTo(1);
            assertThat(shop.stage("s")).contains(JourneyStage.CONSIDERING);
        }

        @Test
        void aStoreWithoutCampaignsRecordsNoDecision() {
            assertThat(shop.enter("s")).isEmpty();
            assertThat(shop.decisions.size()).isZero();
        }
    }

    @Nested
    class JourneysAndAudiences {

        @Test
        void signalsMoveTheStageForwardOnly() {
            shop.with(campaign("cmp-a"));

            shop.decide("s");
            assertThat(shop.stage("s")).contains(JourneyStage.AWARE);
            shop.handle(shop.occasion("s", TriggerType.DWELL));
            assertThat(shop.stage("s")).contains(JourneyStage.CONSIDERING);
            shop.enter("s");
            assertThat(shop.stage("s")).as("never back").contains(JourneyStage.CONSIDERING);
            shop.lifecycle.redeem(TestShop.STAFF, shop.ledger.ofShopper("s").get(0).id());
            assertThat(shop.stage("s")).contains(JourneyStage.PURCHASED);
            shop.handle(shop.touch("s", TriggerType.TAP, Optional.empty()));
            assertThat(shop.stage("s")).contains(JourneyStage.USING);
            shop.handle(shop.occasion("s", TriggerType.DWELL));
            assertThat(shop.stage("s")).contains(JourneyStage.USING);
        }

        @Test
        void aTapBeforeAnyPurchaseMeansConsidering() {
            shop.handle(shop.touch("s", TriggerType.SCAN, Optional.empty()));

            assertThat(shop.stage("s")).contains(JourneyStage.CONSIDERING);
        }

        @Test
        void theAudienceSeesTheStageAfterTheOccasion() {
            shop.with(campaign("cmp-considering").stages(JourneyStage.CONSIDERING).generousCaps());

            assertThat(shop.decide("s").explanation()).isEqualTo("cmp-considering:audience-stage");
            shop.handle(shop.occasion("s", TriggerType.DWELL));
            assertThat(shop.decide("s").explanation()).isEqualTo("cmp-considering:chosen");
        }

        @Test
        void theAudienceCountsStoreVisitsIncludingTheCurrentOne() {
            shop.with(campaign("cmp-regulars").priority(2).audience(new Audience(Set.of(), OptionalInt.of(2), OptionalInt.empty(), Set.of())).generousCaps(),
                    campaign("cmp-newcomers").audience(new Audience(Set.of(), OptionalInt.empty(), OptionalInt.of(1), Set.of())).generousCaps());

            assertThat(shop.decide("s").explanation()).isEqualTo("cmp-regulars:audience-visits cmp-newcomers:chosen");
            at(minutes(10));
            assertThat(shop.decide("s").explanation()).as("the same visit").isEqualTo("cmp-regulars:audience-visits cmp-newcomers:same-visit");
            at(minutes(10).plus(NEW_VISIT));
            assertThat(shop.decide("s").explanation()).isEqualTo("cmp-regulars:chosen cmp-newcomers:outranked");
            assertThat(shop.journeys.find("s").orElseThrow().visits(TestShop.STORE)).isEqualTo(2);
        }

        @Test
        void theAudienceNeedsOneSegmentInCommon() {
            shop.with(campaign("cmp-wine").audience(new Audience(Set.of(), OptionalInt.empty(), OptionalInt.empty(), Set.of("wine-lovers", "cheese"))));
            shop.journeys.save(Journey.start("lover", T0).withPreferences(Set.of("wine-lovers", "cycling"), Optional.empty(), T0));
            shop.journeys.save(Journey.start("brewer", T0).withPreferences(Set.of("beer"), Optional.empty(), T0));

            assertThat(shop.decide("lover").explanation()).isEqualTo("cmp-wine:chosen");
            assertThat(shop.decide("brewer").explanation()).isEqualTo("cmp-wine:audience-segment");
            assertThat(shop.decide("stranger").explanation()).isEqualTo("cmp-wine:audience-segment");
        }
    }

    @Nested
    class Context {

        private final ContextCondition mildRain = new ContextCondition(Set.of("rain"), OptionalDouble.of(5), OptionalDouble.of(15), minutes(60));

        private String outcomeFor(String shopper) {
            return outcome(shop.decide(shopper), "cmp-umbrella");
        }

        private void reading(String weather, double celsius, Duration ago) {
            assertThat(shop.context.post(new ContextReading(TestShop.STORE, weather, celsius, shop.clock.instant().minus(ago)))).isTrue();
        }

        @Test
        void aCampaignForSomeWeatherNeedsAFreshFittingReading() {
            shop.with(campaign("cmp-umbrella").context(mildRain));
            shop.context.post(new ContextReading(TestShop.OTHER_STORE, "rain", 10, T0));

            assertThat(outcomeFor("s1")).as("no reading of this store").isEqualTo("context-stale");
            reading("rain", 10, minutes(61));
            assertThat(outcomeFor("s2")).isEqualTo("context-stale");
            reading("sunny", 10, minutes(60));
            assertThat(outcomeFor("s3")).as("60 min old is still fresh").isEqualTo("context-weather");
            reading("rain", 20, minutes(40));
            assertThat(outcomeFor("s4")).isEqualTo("context-temperature");
            reading("rain", 4.9, minutes(30));
            assertThat(outcomeFor("s5")).isEqualTo("context-temperature");
            reading("rain", 5, minutes(20));
            assertThat(outcomeFor("s6")).as("both ends included").isEqualTo("chosen");
            reading("rain", 15, minutes(10));
            assertThat(outcomeFor("s7")).isEqualTo("chosen");
        }

        @Test
        void anOlderReadingArrivingLateDoesNotReplaceTheCurrentOne() {
            shop.with(campaign("cmp-umbrella").context(mildRain));
            reading("rain", 10, minutes(5));

            assertThat(shop.context.post(new ContextReading(TestShop.STORE, "sunny", 30, T0.minus(minutes(30))))).isFalse();

            assertThat(outcomeFor("s")).isEqualTo("chosen");
        }

        @Test
        void aTemperatureOnlyConditionTakesAnyWeather() {
            ContextCondition warm = new ContextCondition(Set.of(), OptionalDouble.of(20), OptionalDouble.empty(), minutes(30));
            shop.with(campaign("cmp-umbrella").context(warm));

            reading("hail", 25, minutes(1));
            assertThat(outcomeFor("s1")).isEqualTo("chosen");
            reading("sunny", 19, Duration.ZERO);
            assertThat(outcomeFor("s2")).isEqualTo("context-temperature");
        }
    }

    @Nested
    class Products {

        @Test
        void aProductCampaignAnswersTouchesOfItsProductsOnly() {
            String riesling = Gtin.normalise("4006381333931").orElseThrow();
            shop.with(campaign("cmp-riesling").trigger(TriggerType.TAP).gtins(riesling).generousCaps());

            assertThat(outcome(shop.handle(shop.touch("s1", TriggerType.TAP, Optional.of(riesling))).orElseThrow(), "cmp-riesling")).isEqualTo("chosen");
            assertThat(outcome(shop.handle(shop.touch("s2", TriggerType.TAP, Optional.of("00036000291452"))).orElseThrow(), "cmp-riesling"))
                    .isEqualTo("product");
            assertThat(outcome(shop.handle(shop.touch("s3", TriggerType.TAP, Optional.empty())).orElseThrow(), "cmp-riesling")).isEqualTo("product");
            assertThat(shop.handle(shop.touch("s4", TriggerType.SCAN, Optional.of(riesling)))).as("a scan is not a tap").isEmpty();
        }

        @Test
        void aZoneCampaignIsReachedInItsZonesAlongsideTheStoreWideOnes() {
            shop.with(campaign("cmp-cheese").zones("cheese").priority(1), campaign("cmp-store"));

            Decision inCheese = shop.handle(Occasion.zone("s1", TestShop.STORE, "cheese", TriggerType.ENTER, "v1", T0)).orElseThrow();
            Decision inWine = shop.decide("s2");

            assertThat(inCheese.explanation()).isEqualTo("cmp-cheese:chosen cmp-store:outranked");
            assertThat(inWine.explanation()).isEqualTo("cmp-store:chosen");
            assertThat(List.of(shop.offer(inCheese).zoneId(), shop.offer(inWine).zoneId())).containsExactly(Optional.of("cheese"),
                    Optional.of(TestShop.ZONE));
        }
    }
}
