package com.xpowerbanq.api;

import com.xpowerbanq.schema.ContractRun;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The slow path for a database the original system wrote (only {@code raw_logs(id, json)} and its
 * expression indexes): the original's numbers, with its window and tie fixes. The time filters
 * repeat the original index expressions verbatim so that SQLite range-scans those indexes.
 */
final class LegacyWindows {
    private static final String STAMP =
            "CAST(REPLACE(json_extract(json,'$.stamp'),'n','') AS INTEGER)";
    private static final String QUOTE_TIME =
            "CAST(REPLACE(json_extract(json,'$.quote_time'),'n','') AS INTEGER)";
    private static final String QUOTE_UTC =
            "CAST(REPLACE(json_extract(json,'$.quote_utc'),'n','') AS INTEGER)";
    private static final String BLOCK_INDEX =
            "CAST(json_extract(json,'$.log.blockNumber') AS INTEGER),"
                    + " CAST(json_extract(json,'$.log.index') AS INTEGER)";

    private static final String AVERAGE =
            "SELECT avg(v), date(t, 'unixepoch') AS day, count(*) FROM (SELECT "
                    + STAMP
                    + " AS t, (REPLACE(json_extract(json,'$.util_wad'),'n','')+0.0)/1e18 AS v FROM"
                    + " raw_logs WHERE "
                    + STAMP
                    + " BETWEEN ? AND ?) GROUP BY day ORDER BY day LIMIT ?";
    private static final String QUOTES =
            "SELECT "
                    + QUOTE_TIME
                    + " AS t, ((REPLACE(json_extract(json,'$.quote_bid'),'n','')+0.0)/1e18"
                    + " + (REPLACE(json_extract(json,'$.quote_ask'),'n','')+0.0)/1e18)/2, "
                    + BLOCK_INDEX
                    + " FROM raw_logs WHERE "
                    + QUOTE_TIME
                    + " BETWEEN ? AND ? ORDER BY 1, 3, 4";
    // The original CLI wrote every run's quote as quote_mid/quote_rel/quote_utc. A legacy file
    // records no run, so each row's Refresh topic tells it: v10a's three words are Quote{bid, ask,
    // time} (ask = quote_rel); a v10b/v10c word's mid is quote_mid (ask = bid = quote_mid).
    private static final String MID_ROW_ASK =
            "CASE WHEN json_extract(json,'$.log.topics[0]') = '"
                    + ContractRun.V10A.refreshTopic()
                    + "' THEN json_extract(json,'$.quote_rel') ELSE json_extract(json,'$.quote_mid')"
                    + " END";
    private static final String MID_QUOTES =
            "SELECT "
                    + QUOTE_UTC
                    + " AS t, ((REPLACE(json_extract(json,'$.quote_mid'),'n','')+0.0)/1e18"
                    + " + (REPLACE("
                    + MID_ROW_ASK
                    + ",'n','')+0.0)/1e18)/2, "
                    + BLOCK_INDEX
                    + " FROM raw_logs WHERE "
                    + QUOTE_UTC
                    + " BETWEEN ? AND ? ORDER BY 1, 3, 4";
    private static final String MID_NAMES =
            "SELECT json_extract(json,'$.quote_time') IS NULL"
                    + " AND json_extract(json,'$.quote_utc') IS NOT NULL FROM raw_logs LIMIT 1";

    List<DailyAverage> averages(Connection c, DayWindow window, int maxRows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(AVERAGE)) {
            ps.setLong(1, window.fromSecond());
            ps.setLong(2, window.toSecond());
            ps.setInt(3, maxRows);
            try (ResultSet rs = ps.executeQuery()) {
                List<DailyAverage> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(new DailyAverage(rs.getDouble(1), rs.getString(2), rs.getLong(3)));
                }
                return rows;
            }
        }
    }

    List<DailyOhlc> ohlc(Connection c, DayWindow window, int maxRows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(midNames(c) ? MID_QUOTES : QUOTES)) {
            ps.setLong(1, window.fromSecond());
            ps.setLong(2, window.toSecond());
            try (ResultSet rs = ps.executeQuery()) {
                List<DailyOhlc> rows = new ArrayList<>();
                DayCandle candle = null;
                while (rs.next()) {
                    long day = Math.floorDiv(rs.getLong(1), 86_400L);
                    Double mid = nullable(rs, 2);
                    if (candle == null || candle.epochDay != day) {
                        if (candle != null) {
                            rows.add(candle.row());
                            if (rows.size() == maxRows) {
                                return rows;
                            }
                        }
                        candle = new DayCandle(day, mid);
                    }
                    candle.add(mid);
                }
                if (candle != null && rows.size() < maxRows) {
                    rows.add(candle.row());
                }
                return rows;
            }
        }
    }

    private static @Nullable Double nullable(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static boolean midNames(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(MID_NAMES);
                ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** Open, high, low, close of one day's mids, fed in (time, block, log index) order. */
    private static final class DayCandle {
        private final long epochDay;
        private final @Nullable Double open;
        private @Nullable Double close;
        private double high = Double.NaN;
        private double low = Double.NaN;
        private long n;

        DayCandle(long epochDay, @Nullable Double open) {
            this.epochDay = epochDay;
            this.open = open;
        }

        void add(@Nullable Double mid) {
            n++;
            close = mid;
            if (mid != null) {
                high = Double.isNaN(high) ? mid : Math.max(high, mid);
                low = Double.isNaN(low) ? mid : Math.min(low, mid);
            }
        }

        DailyOhlc row() {
            return new DailyOhlc(
                    open, high, low, close, LocalDate.ofEpochDay(epochDay).toString(), n);
        }
    }
}
