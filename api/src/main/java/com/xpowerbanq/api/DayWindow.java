package com.xpowerbanq.api;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The UTC days [lhs, rhs] of a query, both included: from lhs 00:00:00 to rhs 23:59:59.
 *
 * @param lhs first day
 * @param rhs last day, not before lhs
 */
record DayWindow(LocalDate lhs, LocalDate rhs) {
    private static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    DayWindow {
        if (lhs.isAfter(rhs)) {
            throw new BadRequestException("Invalid date range: lhs must not be after rhs");
        }
    }

    static DayWindow parse(@Nullable String lhs, @Nullable String rhs) {
        return new DayWindow(day("lhs", lhs), day("rhs", rhs));
    }

    private static LocalDate day(String name, @Nullable String value) {
        if (value == null || value.isEmpty()) {
            throw new BadRequestException("Missing required parameter: " + name);
        }
        if (!SHAPE.matcher(value).matches()) {
            throw new BadRequestException("Invalid " + name + " date format. Use YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(value, DAY);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(
                    "Invalid " + name + " date: " + value + " is not a day of the calendar");
        }
    }

    /** Unix seconds of lhs 00:00:00 UTC. */
    long fromSecond() {
        return lhs.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    }

    /** Unix seconds of rhs 23:59:59 UTC. */
    long toSecond() {
        return rhs.plusDays(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC) - 1;
    }
}
