package io.nearcast.registry.domain;

import io.nearcast.kernel.domain.InvalidField;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * When a store is open, in its own time zone: per weekday up to {@value #MAX_SPANS_PER_DAY}
 * non-overlapping spans ({@code 08:00–20:00}; {@code 24:00} ends a span at midnight), plus dates on
 * which it is closed all day. A weekday without spans is a closed day. A span never crosses
 * midnight: a late opening is written as {@code SAT 22:00–24:00} and {@code SUN 00:00–02:00}.
 * Immutable and thread-safe.
 */
public record OpeningHours(Map<DayOfWeek, List<Span>> weekly, SortedSet<LocalDate> closedDates) {

    static final int MAX_SPANS_PER_DAY = 6;
    static final int MAX_CLOSED_DATES = 400;
    private static final int MINUTES_PER_DAY = 24 * 60;
    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-4]):([0-5][0-9])");
    private static final String FIELD = "openingHours";

    /**
     * Open from {@code fromMinute} (inclusive) to {@code toMinute} (exclusive), minutes after local midnight.
     */
    public record Span(int fromMinute, int toMinute) {
        public Span {
            if (fromMinute < 0 || toMinute > MINUTES_PER_DAY || fromMinute >= toMinute) {
                throw new IllegalArgumentException("a span runs forwards within one day: " + fromMinute + "-" + toMinute);
            }
        }

        public String from() {
            return clock(fromMinute);
        }

        public String to() {
            return clock(toMinute);
        }

        boolean contains(int minute) {
            return minute >= fromMinute && minute < toMinute;
        }
    }

    /** A span as a client writes it, e.g. {@code ("08:00", "20:00")}. */
    public record SpanText(String from, String to) {
    }

    public OpeningHours {
        EnumMap<DayOfWeek, List<Span>> days = new EnumMap<>(DayOfWeek.class);
        weekly.forEach((day, spans) -> {
            if (!spans.isEmpty()) {
                days.put(day, List.copyOf(spans));
            }
        });
        weekly = Map.copyOf(days);
        closedDates = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(closedDates));
    }

    /**
     * Validates what a client sent.
     *
     * @param weekly      weekday ({@code MON}…{@code SUN}) to spans; null for none
     * @param closedDates ISO dates ({@code 2026-12-25}); null for none
     * @throws InvalidField naming e.g. {@code openingHours.weekly.MON[1].to}
     */
    public static OpeningHours of(Map<String, List<SpanText>> weekly, List<String> closedDates) {
        Map<DayOfWeek, List<Span>> days = new EnumMap<>(DayOfWeek.class);
        if (weekly != null) {
            weekly.forEach((name, spans) -> {
                DayOfWeek day = day(name);
                days.put(day, spans(FIELD + ".weekly." + abbreviation(day), spans == null ? List.of() : spans));
            });
        }
        return new OpeningHours(days, dates(closedDates == null ? List.of() : closedDates));
    }

    /** Whether the store is open at this moment of its local time. */
    public boolean isOpenAt(ZonedDateTime local) {
        if (closedDates.contains(local.toLocalDate())) {
            return false;
        }
        int minute = local.getHour() * 60 + local.getMinute();
        return weekly.getOrDefault(local.getDayOfWeek(), List.of()).stream().anyMatch(span -> span.contains(minute));
    }

    /** {@code MON=08:00-20:00,21:00-22:00;SAT=09:00-14:00|2026-12-25,2026-12-26} — for storage. */
    public String encoded() {
        String days = weekly.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> abbreviation(entry.getKey()) + "=" + entry.getValue().stream()
                        .map(span -> span.from() + "-" + span.to()).collect(Collectors.joining(",")))
                .collect(Collectors.joining(";"));
        return days + "|" + closedDates.stream().map(LocalDate::toString).collect(Collectors.joining(","));
    }

    /** @throws IllegalArgumentException for text not made by {@link #encoded()} */
    public static OpeningHours decode(String text) {
        int bar = text.indexOf('|');
        if (bar < 0) {
            throw new IllegalArgumentException("not encoded opening hours");
        }
        Map<String, List<SpanText>> weekly = new java.util.LinkedHashMap<>();
        for (String day : text.substring(0, bar).split(";")) {
            if (day.isEmpty()) {
                continue;
            }
            String[] nameAndSpans = day.split("=", 2);
            List<SpanText> spans = new ArrayList<>();
            for (String span : nameAndSpans[1].split(",")) {
                String[] ends = span.split("-", 2);
                spans.add(new SpanText(ends[0], ends[1]));
            }
            weekly.put(nameAndSpans[0], spans);
        }
        String dates = text.substring(bar + 1);
        try {
            return of(weekly, dates.isEmpty() ? List.of() : List.of(dates.split(",")));
        } catch (InvalidField e) {
            throw new IllegalArgumentException("not encoded opening hours: " + e.getMessage());
        }
    }

    public static String abbreviation(DayOfWeek day) {
        return day.name().substring(0, 3);
    }

    private static DayOfWeek day(String name) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (abbreviation(day).equals(name == null ? "" : name.toUpperCase(Locale.ROOT))) {
                return day;
            }
        }
        throw new InvalidField(FIELD + ".weekly", "'" + Names.printable(String.valueOf(name)) + "' is not a weekday (MON, TUE, WED, THU, FRI, SAT, SUN)");
    }

    private static List<Span> spans(String field, List<SpanText> texts) {
        if (texts.size() > MAX_SPANS_PER_DAY) {
            throw new InvalidField(field, "has " + texts.size() + " spans; at most " + MAX_SPANS_PER_DAY);
        }
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String at = field + "[" + i + "]";
            SpanText text = Objects.requireNonNullElse(texts.get(i), new SpanText(null, null));
            int from = minute(at + ".from", text.from());
            int to = minute(at + ".to", text.to());
            if (from >= to) {
                throw new InvalidField(at + ".to", "must be after from (" + text.from() + "); a span past midnight is two spans, ending at 24:00 and starting at 00:00");
            }
            spans.add(new Span(from, to));
        }
        spans.sort(Comparator.comparingInt(Span::fromMinute));
        for (int i = 1; i < spans.size(); i++) {
            if (spans.get(i).fromMinute() < spans.get(i - 1).toMinute()) {
                throw new InvalidField(field, "spans " + spans.get(i - 1).from() + "-" + spans.get(i - 1).to() + " and "
                        + spans.get(i).from() + "-" + spans.get(i).to() + " overlap");
            }
        }
        return spans;
    }

    private static int minute(String field, String text) {
        if (text == null) {
            throw new InvalidField(field, "is required (HH:mm)");
        }
        Matcher m = TIME.matcher(text);
        if (!m.matches()) {
            throw new InvalidField(field, "'" + Names.printable(text) + "' is not a time HH:mm (00:00 to 24:00)");
        }
        int minute = Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
        if (minute > MINUTES_PER_DAY) {
            throw new InvalidField(field, "'" + text + "' is after 24:00");
        }
        return minute;
    }

    private static SortedSet<LocalDate> dates(List<String> texts) {
        if (texts.size() > MAX_CLOSED_DATES) {
            throw new InvalidField(FIELD + ".closedDates", "has " + texts.size() + " dates; at most " + MAX_CLOSED_DATES);
        }
        SortedSet<LocalDate> dates = new TreeSet<>();
        for (int i = 0; i < texts.size(); i++) {
            try {
                dates.add(LocalDate.parse(String.valueOf(texts.get(i))));
            } catch (DateTimeException e) {
                throw new InvalidField(FIELD + ".closedDates[" + i + "]", "'" + Names.printable(String.valueOf(texts.get(i))) + "' is not a date YYYY-MM-DD");
            }
        }
        return dates;
    }

    private static String clock(int minute) {
        return String.format(Locale.ROOT, "%02d:%02d", minute / 60, minute % 60);
    }
}
