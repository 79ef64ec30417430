package com.xpowerbanq.batch.status;

import com.xpowerbanq.batch.index.RawLogStore;
import com.xpowerbanq.schema.Kind;
import com.xpowerbanq.schema.SeriesDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * What a series database holds, read-only: its rows, the last block scanned ({@code (legacy)} for a
 * database the original wrote and we have not written yet) and, when asked, its newest event: the
 * event's time and block.
 */
public record SeriesProgress(
        long rows,
        String lastBlock,
        @Nullable Instant lastEventTime,
        @Nullable Long lastEventBlock) {
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    public static SeriesProgress read(Path file, @Nullable Kind newestOf) throws SQLException {
        try (Connection c = DriverManager.getConnection(SeriesDatabase.readOnlyUrl(file));
                Statement s = c.createStatement()) {
            long rows;
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM raw_logs")) {
                rows = rs.next() ? rs.getLong(1) : 0;
            }
            String lastBlock = lastBlock(s);
            if (newestOf == null) {
                return new SeriesProgress(rows, lastBlock, null, null);
            }
            try (ResultSet rs = s.executeQuery(newest(newestOf))) {
                return rs.next()
                        ? new SeriesProgress(
                                rows,
                                lastBlock,
                                Instant.ofEpochSecond(rs.getLong(1)),
                                rs.getLong(2))
                        : new SeriesProgress(rows, lastBlock, null, null);
            }
        }
    }

    /** The last block scanned as a number; null for none or a legacy database. */
    public @Nullable Long lastBlockNumber() {
        try {
            return Long.valueOf(lastBlock);
        } catch (NumberFormatException none) {
            return null;
        }
    }

    /** The newest event as {@code status SERIES} prints it: its time (UTC) and block. */
    public @Nullable String lastEvent() {
        return lastEventTime == null
                ? null
                : UTC.format(lastEventTime) + " UTC (block " + lastEventBlock + ")";
    }

    private static String lastBlock(Statement s) {
        try (ResultSet rs =
                s.executeQuery(
                        "SELECT value FROM banq_meta WHERE key = '"
                                + RawLogStore.META_LAST_BLOCK
                                + "'")) {
            return rs.next() ? rs.getString(1) : "-";
        } catch (SQLException noMeta) {
            return "(legacy)";
        }
    }

    /** The time (epoch seconds) and block of the event last in chain order, through the views. */
    private static String newest(Kind kind) {
        String time =
                switch (kind) {
                    case RI -> "stamp_iso";
                    case RT -> "quote_time_iso";
                };
        return "SELECT CAST(strftime('%s', "
                + time
                + ") AS INTEGER), log_block_number FROM "
                + kind.viewName()
                + " ORDER BY log_block_number DESC, log_index DESC LIMIT 1";
    }
}
