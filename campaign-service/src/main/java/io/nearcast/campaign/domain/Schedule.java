package io.nearcast.campaign.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When a campaign runs, in the store's local time: a date range (both days included), weekdays
 * and daily hours. An hours range that wraps midnight belongs to the day it starts on (Friday
 * 22:00–02:00 runs into Saturday morning). Empty parts do not restrict.
 */
public record Schedule(Optional<LocalDate> from, Optional<LocalDate> to, Set<DayOfWeek> days, Optional<LocalTimeRange> hours) {

    public static final Schedule ALWAYS = new Schedule(Optional.empty(), Optional.empty(), EnumSet.allOf(DayOfWeek.class), Optional.empty());

    public Schedule {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        days = days.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(days)); // EnumSet: contains is a bit test
        Objects.requireNonNull(hours, "hours");
        if (days.isEmpty()) {
            throw new IllegalArgumentException("a schedule needs at least one day");
        }
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw new IllegalArgumentException("to is before from");
        }
    }

    /** Whether the campaign runs at this store-local date and time. */
    public boolean covers(LocalDateTime local) {
        LocalDate day = runningDay(local);
        if (from.isPresent() && day.isBefore(from.get()) || to.isPresent() && day.isAfter(to.get())) {
            return false;
        }
        return days.contains(day.getDayOfWeek()) && hours.map(range -> range.contains(local.toLocalTime())).orElse(true);
    }

    /** The day whose hours the moment belongs to: the previous day in the small hours of a range that wraps midnight. */
    private LocalDate runningDay(LocalDateTime local) {
        if (hours.isPresent() && hours.get().wrapsMidnight() && local.toLocalTime().isBefore(hours.get().to())) {
            return local.toLocalDate().minusDays(1);
        }
        return local.toLocalDate();
    }
}
