package com.xpowerbanq.batch.cli;

import com.xpowerbanq.batch.index.RawLogStore;
import com.xpowerbanq.schema.Kind;
import com.xpowerbanq.schema.SeriesDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jspecify.annotations.Nullable;

/**
 * What a series database holds, read-only: its rows, the last block scanned ({@code (legacy)} for a
 * database the original wrote and we have not written yet) and, when asked, its newest event.
 */
record SeriesProgress(long rows, String lastBlock, @Nullable String lastEvent) {

    static SeriesProgress read(Path file, @Nullable Kind newestOf) throws SQLException {
        try (Connection c = DriverManager.getConnection(SeriesDatabase.readOnlyUrl(file));
                Statement s = c.createStatement()) {
            long rows;
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM raw_logs")) {
                rows = rs.next() ? rs.getLong(1) : 0;
            }
            return new SeriesProgress(
                    rows, lastBlock(s), newestOf == null ? null : newest(s, newestOf));
        }
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

    /** The time (UTC) and block of the event last in chain order, read through the views. */
    private static @Nullable String newest(Statement s, Kind kind) throws SQLException {
        String time =
                switch (kind) {
                    case RI -> "stamp_iso";
                    case RT -> "quote_time_iso";
                };
        try (ResultSet rs =
                s.executeQuery(
                        "SELECT "
                                + time
                                + ", log_block_number FROM "
                                + kind.viewName()
                                + " ORDER BY log_block_number DESC, log_index DESC LIMIT 1")) {
            return rs.next() ? rs.getString(1) + " UTC (block " + rs.getLong(2) + ")" : null;
        }
    }
}
