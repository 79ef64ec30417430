package com.xpowerbanq.api;

import com.xpowerbanq.api.json.GoJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fast path: every day of a database's {@code daily_rollup}, each already written as its JSON
 * row, for one state of the file. A window is then a binary search and a join; the rollup is read
 * again only when the file changes (the index jobs write a few times a day). A day's row never
 * depends on JSON parsing or on any event outside that day.
 */
final class RollupSnapshot {
    private static final String ALL_DAYS =
            "SELECT day, n, total, high, low, open, close FROM daily_rollup ORDER BY day";

    private final FileStamp stamp;
    private final String[] days;
    private final String[] rows;

    private RollupSnapshot(FileStamp stamp, String[] days, String[] rows) {
        this.stamp = stamp;
        this.days = days;
        this.rows = rows;
    }

    /** Reads all days of the rollup on {@code c} and renders them as rows of {@code route}. */
    static RollupSnapshot load(Connection c, Route route, FileStamp stamp) throws SQLException {
        List<String> days = new ArrayList<>();
        List<DailyRow> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(ALL_DAYS);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String day = rs.getString(1);
                long n = rs.getLong(2);
                DailyRow row =
                        route == Route.DAILY_AVERAGE
                                ? new DailyAverage(rs.getDouble(3) / n, day, n)
                                : new DailyOhlc(
                                        nullable(rs, 6),
                                        rs.getDouble(4),
                                        rs.getDouble(5),
                                        nullable(rs, 7),
                                        day,
                                        n);
                days.add(day);
                rows.add(row);
            }
        }
        return new RollupSnapshot(
                stamp, days.toArray(String[]::new), GoJson.values(rows).toArray(String[]::new));
    }

    private static Double nullable(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    int days() {
        return days.length;
    }

    boolean isOf(FileStamp current) {
        return stamp.equals(current);
    }

    /** The days of {@code window}, oldest first, at most {@code maxRows}, as the JSON answer. */
    String window(DayWindow window, int maxRows) {
        int from = firstAtOrAfter(window.lhs().toString());
        // the first day after rhs, found by rhs itself: the day after 9999-12-31 prints as
        // "+10000-01-01", which sorts before every day
        int to = firstAfter(window.rhs().toString());
        int end = Math.min(to, from + maxRows);
        StringBuilder out = new StringBuilder(2 + Math.max(0, end - from) * 80);
        out.append('[');
        for (int i = from; i < end; i++) {
            if (i > from) {
                out.append(',');
            }
            out.append(rows[i]);
        }
        return out.append("]\n").toString();
    }

    private int firstAtOrAfter(String day) {
        int i = Arrays.binarySearch(days, day);
        return i >= 0 ? i : -i - 1;
    }

    private int firstAfter(String day) {
        int i = Arrays.binarySearch(days, day); // days are distinct: one rollup row per day
        return i >= 0 ? i + 1 : -i - 1;
    }
}
