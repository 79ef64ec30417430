package com.xpowerbanq.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The fast path while a file is changing: one daily_rollup row per day of the window, no JSON
 * parsed. Once the file holds still, {@link RollupSnapshot} answers without a query.
 */
final class RollupWindows {
    private static final String AVERAGE =
            "SELECT total, day, n FROM daily_rollup WHERE day >= ? AND day <= ? ORDER BY day"
                    + " LIMIT ?";
    private static final String OHLC =
            "SELECT open, high, low, close, day, n FROM daily_rollup WHERE day >= ? AND day <= ?"
                    + " ORDER BY day LIMIT ?";

    List<DailyAverage> averages(Connection c, DayWindow window, int maxRows) throws SQLException {
        try (PreparedStatement ps = prepare(c, AVERAGE, window, maxRows);
                ResultSet rs = ps.executeQuery()) {
            List<DailyAverage> rows = new ArrayList<>();
            while (rs.next()) {
                long n = rs.getLong(3);
                rows.add(new DailyAverage(rs.getDouble(1) / n, rs.getString(2), n));
            }
            return rows;
        }
    }

    List<DailyOhlc> ohlc(Connection c, DayWindow window, int maxRows) throws SQLException {
        try (PreparedStatement ps = prepare(c, OHLC, window, maxRows);
                ResultSet rs = ps.executeQuery()) {
            List<DailyOhlc> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(
                        new DailyOhlc(
                                nullable(rs, 1),
                                rs.getDouble(2),
                                rs.getDouble(3),
                                nullable(rs, 4),
                                rs.getString(5),
                                rs.getLong(6)));
            }
            return rows;
        }
    }

    private static PreparedStatement prepare(
            Connection c, String sql, DayWindow window, int maxRows) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        ps.setString(1, window.lhs().toString());
        ps.setString(2, window.rhs().toString());
        ps.setInt(3, maxRows);
        return ps;
    }

    static Double nullable(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
