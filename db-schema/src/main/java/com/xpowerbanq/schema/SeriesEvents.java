package com.xpowerbanq.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Reads the events a series database holds, in (block, log index) order: the stored JSON as it is
 * and the last block. Works on legacy databases too: the event's position is read from the JSON, as
 * the original's block index does.
 */
public final class SeriesEvents {
    private static final String BLOCK = "CAST(json_extract(json,'$.log.blockNumber') AS INTEGER)";
    private static final String INDEX = "CAST(json_extract(json,'$.log.index') AS INTEGER)";

    private SeriesEvents() {}

    /**
     * Hands the stored JSON of each event in blocks {@code from..to} (both included) to {@code
     * sink}, in (block, log index) order; returns how many.
     */
    public static long forEachJson(Connection connection, long from, long to, Consumer<String> sink)
            throws SQLException {
        String sql =
                "SELECT json FROM raw_logs WHERE "
                        + BLOCK
                        + " BETWEEN ? AND ? ORDER BY "
                        + BLOCK
                        + ", "
                        + INDEX;
        long count = 0;
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, from);
            query.setLong(2, to);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    sink.accept(rows.getString(1));
                    count++;
                }
            }
        }
        return count;
    }

    /** The highest block any stored event is in; empty for a database without events. */
    public static OptionalLong lastBlock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet max = statement.executeQuery("SELECT max(" + BLOCK + ") FROM raw_logs")) {
            if (!max.next()) {
                return OptionalLong.empty();
            }
            long block = max.getLong(1);
            return max.wasNull() ? OptionalLong.empty() : OptionalLong.of(block);
        }
    }
}
