package org.lilong.layers.query;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * A closed interval of days, either end open (null), as the OGC API {@code datetime} parameter
 * gives it: {@code 2020-05-01}, {@code 2020-01-01/2021-12-31}, {@code ../2021-12-31},
 * {@code 2020-01-01/..}. Date-times (RFC 3339) are reduced to their date.
 */
public record DateInterval(LocalDate start, LocalDate end) {

    public DateInterval {
        if (start != null && end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("the interval ends (" + end + ") before it starts (" + start + ")");
        }
    }

    /** @throws IllegalArgumentException with a message naming what is wrong */
    public static DateInterval parse(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length == 1) {
            LocalDate day = parseEnd(parts[0], false);
            return new DateInterval(day, day);
        }
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected a date or start/end, got '" + text + "'");
        }
        LocalDate start = parseEnd(parts[0], true);
        LocalDate end = parseEnd(parts[1], true);
        if (start == null && end == null) {
            throw new IllegalArgumentException("at least one end of the interval must be a date");
        }
        return new DateInterval(start, end);
    }

    private static LocalDate parseEnd(String text, boolean openAllowed) {
        String trimmed = text.trim();
        if (openAllowed && (trimmed.isEmpty() || trimmed.equals(".."))) {
            return null;
        }
        try {
            if (trimmed.length() > 10) {
                return OffsetDateTime.parse(trimmed).toLocalDate();
            }
            return LocalDate.parse(trimmed);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + trimmed + "' is not a date (yyyy-MM-dd) or RFC 3339 date-time");
        }
    }

    /** True when the span [from, to] (either end null = open) shares at least one day with this interval. */
    public boolean overlaps(LocalDate from, LocalDate to) {
        boolean startsBeforeEnd = end == null || from == null || !from.isAfter(end);
        boolean endsAfterStart = start == null || to == null || !to.isBefore(start);
        return startsBeforeEnd && endsAfterStart;
    }
}
