package io.nearcast.campaign.domain;

import static io.nearcast.campaign.domain.CampaignBuilder.campaign;
import static io.nearcast.campaign.domain.TestShop.BERLIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Schedules, quiet hours and date ranges read in the store's wall-clock time (Europe/Berlin)
 * across the DST changes of 2026: 29 March 02:00 → 03:00 (the day has 23 hours) and 25 October
 * 03:00 → 02:00 (the hour from 02:00 comes twice). Every decision runs at a fixed instant computed
 * from the local time with {@link ZonedDateTime}, never from a fixed UTC offset; each is about a
 * new shopper, so caps never interfere.
 */
class ScheduleAndQuietHoursDstTest {

    private static final LocalTimeRange NIGHT = new LocalTimeRange(LocalTime.of(21, 0), LocalTime.of(7, 0));
    private static final LocalDate SPRING = LocalDate.of(2026, 3, 29);
    private static final LocalDate AUTUMN = LocalDate.of(2026, 10, 25);

    private final AtomicInteger shoppers = new AtomicInteger();

    @Test
    void theChangesOf2026AreWhereTheTestExpectsThem() {
        assertThat(SPRING.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(AUTUMN.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(Duration.between(SPRING.atStartOfDay(BERLIN), SPRING.plusDays(1).atStartOfDay(BERLIN))).isEqualTo(Duration.ofHours(23));
        assertThat(Duration.between(AUTUMN.atStartOfDay(BERLIN), AUTUMN.plusDays(1).atStartOfDay(BERLIN))).isEqualTo(Duration.ofHours(25));
        assertThat(berlin("2026-03-28", "08:00").toInstant()).isEqualTo(Instant.parse("2026-03-28T07:00:00Z"));
        assertThat(berlin("2026-03-30", "08:00").toInstant()).isEqualTo(Instant.parse("2026-03-30T06:00:00Z"));
        assertThat(berlin("2026-03-29", "02:30").toLocalTime()).isEqualTo(LocalTime.of(3, 30)); // does not exist: pushed on
        assertThat(autumnFirst("02:30").toInstant()).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
        assertThat(autumnSecond("02:30").toInstant()).isEqualTo(Instant.parse("2026-10-25T01:30:00Z"));
        assertThat(berlin("2026-10-26", "08:00").toInstant()).isEqualTo(Instant.parse("2026-10-26T07:00:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2026-03-28", "2026-03-29", "2026-03-30", "2026-10-24", "2026-10-25", "2026-10-26"})
    void scheduleHoursHoldInWallClockTimeOnBothSidesOfTheChange(String day) {
        TestShop shop = new TestShop(Instant.EPOCH).with(campaign("cmp-day").hours("08:00", "20:00"));

        assertThat(outcomeAt(shop, berlin(day, "07:59"), "cmp-day")).isEqualTo("schedule");
        assertThat(outcomeAt(shop, berlin(day, "08:00"), "cmp-day")).isEqualTo("chosen");
        assertThat(outcomeAt(shop, berlin(day, "19:59"), "cmp-day")).isEqualTo("chosen");
        assertThat(outcomeAt(shop, berlin(day, "20:00"), "cmp-day")).isEqualTo("schedule");
    }

    @Test
    void anHoursRangeWrappingMidnightBelongsToItsStartDayOnTheShortNight() {
        // Saturdays 22:00-02:00; 28 March is a Saturday, the clocks jump in the night to Sunday
        TestShop shop = new TestShop(Instant.EPOCH).with(campaign("cmp-late").schedule(saturdays("22:00", "02:00")));

        assertThat(outcomeAt(shop, berlin("2026-03-28", "01:00"), "cmp-late")).as("Saturday's small hours belong to Friday").isEqualTo("schedule");
        assertThat(outcomeAt(shop, berlin("2026-03-28", "21:59"), "cmp-late")).isEqualTo("schedule");
        assertThat(outcomeAt(shop, berlin("2026-03-28", "22:00"), "cmp-late")).isEqualTo("chosen");
        assertThat(outcomeAt(shop, berlin("2026-03-29", "01:59"), "cmp-late")).as("Sunday 01:59 belongs to Saturday").isEqualTo("chosen");
        assertThat(outcomeAt(shop, berlin("2026-03-29", "03:00"), "cmp-late")).isEqualTo("schedule");
        assertThat(outcomeAt(shop, berlin("2026-03-29", "22:00"), "cmp-late")).as("Sunday is not a day of it").isEqualTo("schedule");
        assertThat(outcomeAt(shop, berlin("2026-03-30", "01:00"), "cmp-late")).isEqualTo("schedule");
    }

    @Test
    void anHoursRangeWrappingMidnightCoversBothRunsOfTheRepeatedHour() {
        // Saturdays 22:00-03:00; 24 October is a Saturday, the hour from 02:00 comes twice on Sunday 25th
        TestShop shop = new TestShop(Instant.EPOCH).with(campaign("cmp-late").schedule(saturdays("22:00", "03:00")));

        assertThat(outcomeAt(shop, berlin("2026-10-24", "23:00"), "cmp-late")).isEqualTo("chosen");
        assertThat(outcomeAt(shop, autumnFirst("02:30"), "cmp-late")).isEqualTo("chosen");
        assertThat(outcomeAt(shop, autumnSecond("02:00"), "cmp-late")).isEqualTo("chosen");
        assertThat(outcomeAt(shop, autumnSecond("02:59"), "cmp-late")).isEqualTo("chosen");
        assertThat(outcomeAt(shop, berlin("2026-10-25", "03:00"), "cmp-late")).isEqualTo("schedule");
        assertThat(outcomeAt(shop, berlin("2026-10-25", "23:00"), "cmp-late")).isEqualTo("schedule");
        // the spring night: 02:00-03:00 does not exist, 03:00 is already outside
        assertThat(outcomeAt(shop, berlin("2026-03-29", "01:59"), "cmp-late")).isEqualTo("chosen");
        assertThat(outcomeAt(shop, berlin("2026-03-29", "03:00"), "cmp-late")).isEqualTo("schedule");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2026-03-28", "2026-03-29", "2026-03-30", "2026-10-24", "2026-10-25", "2026-10-26"})
    void serverWideQuietHoursBlockInLocalTime(String day) {
        TestShop shop = new TestShop(withQuietHours(NIGHT), Instant.EPOCH).with(campaign("cmp-any"));

        assertQuietFromNineToSeven(shop, day);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2026-03-28", "2026-03-29", "2026-03-30", "2026-10-24", "2026-10-25", "2026-10-26"})
    void campaignQuietHoursBlockInLocalTime(String day) {
        TestShop shop = new TestShop(Instant.EPOCH).with(campaign("cmp-any").quietHours("21:00", "07:00"));

        assertQuietFromNineToSeven(shop, day);
    }

    @Test
    void quietHoursHoldThroughTheRepeatedAndTheMissingHour() {
        TestShop serverWide = new TestShop(withQuietHours(NIGHT), Instant.EPOCH).with(campaign("cmp-any"));
        TestShop ofCampaign = new TestShop(Instant.EPOCH).with(campaign("cmp-any").quietHours("21:00", "07:00"));

        for (TestShop shop : new TestShop[] {serverWide, ofCampaign}) {
            assertThat(outcomeAt(shop, autumnFirst("02:00"), "cmp-any")).isEqualTo("quiet-hours");
            assertThat(outcomeAt(shop, autumnFirst("02:59"), "cmp-any")).isEqualTo("quiet-hours");
            assertThat(outcomeAt(shop, autumnSecond("02:00"), "cmp-any")).isEqualTo("quiet-hours");
            assertThat(outcomeAt(shop, autumnSecond("02:59"), "cmp-any")).isEqualTo("quiet-hours");
            assertThat(outcomeAt(shop, berlin("2026-03-29", "01:59"), "cmp-any")).isEqualTo("quiet-hours");
            assertThat(outcomeAt(shop, berlin("2026-03-29", "03:00"), "cmp-any")).isEqualTo("quiet-hours");
            // every minute of both nights, in real time, from 21:00 to 07:00 local
            assertQuietAllNight(shop, berlin("2026-03-28", "21:00"), berlin("2026-03-29", "07:00"));
            assertQuietAllNight(shop, berlin("2026-10-24", "21:00"), berlin("2026-10-25", "07:00"));
        }
    }

    @Test
    void aDateRangeIncludesBothEndsInLocalDates() {
        TestShop shop = new TestShop(Instant.EPOCH).with(campaign("cmp-summer").dates("2026-03-29", "2026-10-25"));

        ZonedDateTime dayBefore = berlin("2026-03-28", "23:30");
        ZonedDateTime firstDay = berlin("2026-03-29", "00:30");
        ZonedDateTime lastDay = berlin("2026-10-25", "23:30");
        ZonedDateTime dayAfter = berlin("2026-10-26", "00:30");
        // a range read in UTC dates would get the two small-hours cases wrong
        assertThat(utcDate(firstDay)).isEqualTo(LocalDate.of(2026, 3, 28));
        assertThat(utcDate(dayAfter)).isEqualTo(LocalDate.of(2026, 10, 25));

        assertThat(outcomeAt(shop, dayBefore, "cmp-summer")).isEqualTo("schedule");
        assertThat(outcomeAt(shop, firstDay, "cmp-summer")).isEqualTo("chosen");
        assertThat(outcomeAt(shop, lastDay, "cmp-summer")).isEqualTo("chosen");
        assertThat(outcomeAt(shop, dayAfter, "cmp-summer")).isEqualTo("schedule");
    }

    @Test
    void weekdaysAreTheStoresLocalDays() {
        // both change days are Sundays
        TestShop shop = new TestShop(Instant.EPOCH).with(campaign("cmp-sunday").days(DayOfWeek.SUNDAY));

        assertThat(outcomeAt(shop, berlin("2026-03-28", "23:30"), "cmp-sunday")).isEqualTo("schedule");
        assertThat(outcomeAt(shop, berlin("2026-03-29", "00:30"), "cmp-sunday")).as("Saturday in UTC").isEqualTo("chosen");
        assertThat(outcomeAt(shop, berlin("2026-03-29", "23:59"), "cmp-sunday")).isEqualTo("chosen");
        assertThat(outcomeAt(shop, berlin("2026-03-30", "00:30"), "cmp-sunday")).as("still Sunday in UTC").isEqualTo("schedule");
        assertThat(outcomeAt(shop, berlin("2026-10-25", "00:30"), "cmp-sunday")).as("Saturday in UTC").isEqualTo("chosen");
        assertThat(outcomeAt(shop, autumnSecond("02:30"), "cmp-sunday")).isEqualTo("chosen");
        assertThat(outcomeAt(shop, berlin("2026-10-26", "00:30"), "cmp-sunday")).as("still Sunday in UTC").isEqualTo("schedule");
    }

    @Test
    void theDailyCapStartsAgainAtLocalMidnightOfTheShortDay() {
        TestShop shop = new TestShop(Instant.EPOCH).with(campaign("cmp-daily").perDay(1));
        String shopper = "shopper-night-owl";

        shop.clock.set(berlin("2026-03-28", "23:00"));
        assertThat(TestShop.outcome(shop.decide(shopper), "cmp-daily")).isEqualTo("chosen");
        shop.clock.set(berlin("2026-03-28", "23:40"));
        assertThat(TestShop.outcome(shop.decide(shopper), "cmp-daily")).isEqualTo("cap-per-day");
        shop.clock.set(berlin("2026-03-29", "00:30")); // the same UTC day; a new visit (50 min later)
        assertThat(TestShop.outcome(shop.decide(shopper), "cmp-daily")).isEqualTo("chosen");
        shop.clock.set(berlin("2026-03-29", "23:30")); // 22 h later: the short day is still the same day
        assertThat(TestShop.outcome(shop.decide(shopper), "cmp-daily")).isEqualTo("cap-per-day");
    }

    private void assertQuietFromNineToSeven(TestShop shop, String day) {
        assertThat(outcomeAt(shop, berlin(day, "06:59"), "cmp-any")).isEqualTo("quiet-hours");
        assertThat(outcomeAt(shop, berlin(day, "07:00"), "cmp-any")).isEqualTo("chosen");
        assertThat(outcomeAt(shop, berlin(day, "20:59"), "cmp-any")).isEqualTo("chosen");
        assertThat(outcomeAt(shop, berlin(day, "21:00"), "cmp-any")).isEqualTo("quiet-hours");
        assertThat(outcomeAt(shop, berlin(day, "00:00"), "cmp-any")).isEqualTo("quiet-hours");
    }

    private void assertQuietAllNight(TestShop shop, ZonedDateTime from, ZonedDateTime to) {
        for (Instant at = from.toInstant(); at.isBefore(to.toInstant()); at = at.plus(Duration.ofMinutes(7))) {
            ZonedDateTime local = at.atZone(BERLIN);
            assertThat(outcomeAt(shop, local, "cmp-any")).as("at %s", local).isEqualTo("quiet-hours");
        }
        assertThat(outcomeAt(shop, to, "cmp-any")).isEqualTo("chosen");
    }

    /** The verdict about the campaign for a new shopper entering the zone at this moment (the clock fixed at it). */
    private String outcomeAt(TestShop shop, ZonedDateTime at, String campaignId) {
        shop.clock.set(at);
        Decision decision = shop.decide("shopper-" + shoppers.incrementAndGet());
        assertThat(decision.at()).isEqualTo(at.toInstant());
        return TestShop.outcome(decision, campaignId);
    }

    private static ZonedDateTime berlin(String day, String time) {
        return ZonedDateTime.of(LocalDateTime.of(LocalDate.parse(day), LocalTime.parse(time)), BERLIN);
    }

    /** The first run of a time in the repeated hour of 25 October (summer time, +02:00). */
    private static ZonedDateTime autumnFirst(String time) {
        return ZonedDateTime.of(AUTUMN.atTime(LocalTime.parse(time)), BERLIN).withEarlierOffsetAtOverlap();
    }

    /** The second run (winter time, +01:00). */
    private static ZonedDateTime autumnSecond(String time) {
        return ZonedDateTime.of(AUTUMN.atTime(LocalTime.parse(time)), BERLIN).withLaterOffsetAtOverlap();
    }

    private static LocalDate utcDate(ZonedDateTime at) {
        return at.withZoneSameInstant(ZoneOffset.UTC).toLocalDate();
    }

    private static Schedule saturdays(String from, String to) {
        return new Schedule(Optional.empty(), Optional.empty(), java.util.EnumSet.of(DayOfWeek.SATURDAY),
                Optional.of(new LocalTimeRange(LocalTime.parse(from), LocalTime.parse(to))));
    }

    private static RespectRules withQuietHours(LocalTimeRange quiet) {
        RespectRules standard = RespectRules.standard();
        return new RespectRules(standard.offersPerVisit(), standard.offersPerDay(), Optional.of(quiet), standard.defaults(), standard.visitGap(),
                standard.offerValidity());
    }
}
