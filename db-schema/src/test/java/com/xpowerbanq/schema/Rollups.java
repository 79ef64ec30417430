package com.xpowerbanq.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The daily rollup computed in Java from events, and read back from a database, for comparison. */
final class Rollups {

    record Day(
            String day, long n, double total, double high, double low, double open, double close) {}

    private static final Comparator<Event> ORDER =
            Comparator.comparingLong(Event::time)
                    .thenComparingLong(Event::block)
                    .thenComparingInt(Event::index);

    private Rollups() {}

    static Map<String, Day> expected(Collection<Event> events, Kind kind) {
        Map<String, List<Event>> byDay =
                events.stream()
                        .collect(
                                Collectors.groupingBy(
                                        e ->
                                                Instant.ofEpochSecond(e.time())
                                                        .atOffset(ZoneOffset.UTC)
                                                        .toLocalDate()
                                                        .toString(),
                                        TreeMap::new,
                                        Collectors.toList()));
        Map<String, Day> days = new TreeMap<>();
        byDay.forEach(
                (day, list) -> {
                    List<Event> sorted = list.stream().sorted(ORDER).toList();
                    double total = 0;
                    double high = Double.NEGATIVE_INFINITY;
                    double low = Double.POSITIVE_INFINITY;
                    for (Event e : sorted) {
                        double v = e.value(kind);
                        total += v;
                        high = Math.max(high, v);
                        low = Math.min(low, v);
                    }
                    days.put(
                            day,
                            new Day(
                                    day,
                                    sorted.size(),
                                    total,
                                    high,
                                    low,
                                    sorted.getFirst().value(kind),
                                    sorted.getLast().value(kind)));
                });
        return days;
    }

    static Map<String, Day> read(Connection connection) throws SQLException {
        Map<String, Day> days = new TreeMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery(
                                "SELECT day, n, total, high, low, open, close FROM daily_rollup")) {
            while (rows.next()) {
                days.put(
                        rows.getString(1),
                        new Day(
                                rows.getString(1),
                                rows.getLong(2),
                                rows.getDouble(3),
                                rows.getDouble(4),
                                rows.getDouble(5),
                                rows.getDouble(6),
                                rows.getDouble(7)));
            }
        }
        return days;
    }
}
