package com.xpowerbanq.api;

import com.xpowerbanq.schema.Kind;
import com.xpowerbanq.schema.LegacySchema;
import com.xpowerbanq.schema.SeriesDatabase;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Writes series database files for tests: the original system's schema (raw_logs and views only) or
 * the current one with the daily rollup, rows in the original JSON format.
 */
final class SeriesFiles implements AutoCloseable {
    private final Connection connection;
    private final PreparedStatement insert;
    private long block = 1_000;

    private SeriesFiles(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
        this.insert =
                connection.prepareStatement(
                        "INSERT INTO raw_logs(id, json) VALUES (?, ?) ON CONFLICT DO NOTHING");
    }

    /** A database as the original system created it: raw_logs, its view and indexes only. */
    static SeriesFiles legacy(Path file, boolean ri) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        LegacySchema.create(c, ri ? Kind.RI : Kind.RT);
        return new SeriesFiles(c);
    }

    /** A database of the current schema, opened the way the index writer opens it. */
    static SeriesFiles current(Path file, boolean ri) throws SQLException {
        return new SeriesFiles(SeriesDatabase.openWriter(file, ri ? Kind.RI : Kind.RT));
    }

    /** A Reindex event with utilisation {@code util} (as util_wad = util·1e18) at {@code stamp}. */
    SeriesFiles reindex(long stamp, double util, long blockNumber, int logIndex)
            throws SQLException {
        BigInteger wad = new BigDecimal(util).movePointRight(18).toBigInteger();
        String json =
                "{\"id\":\"%s\",\"filter\":\"Reindex\",\"index_ray\":\"1000000000000000000000000000n\","
                                .formatted(id(blockNumber, logIndex))
                        + "\"index_log\":\"0n\",\"util_wad\":\"%sn\",\"stamp\":\"%dn\","
                                .formatted(wad, stamp)
                        + "\"symbol\":\"APOW\",\"token\":\"0x01\",\"mode\":\"supply\","
                        + log(blockNumber, logIndex)
                        + "}";
        return insert(blockNumber, logIndex, json);
    }

    SeriesFiles reindex(long stamp, double util) throws SQLException {
        return reindex(stamp, util, block++, 0);
    }

    /** A Refresh event with quote (bid, ask) at quote time {@code time}. */
    SeriesFiles refresh(long time, double bid, double ask, long blockNumber, int logIndex)
            throws SQLException {
        String json =
                "{\"id\":\"%s\",\"filter\":\"Refresh\",\"source_symbol\":\"XPOW\","
                                .formatted(id(blockNumber, logIndex))
                        + "\"source_token\":\"0x02\",\"target_symbol\":\"APOW\",\"target_token\":\"0x01\","
                        + "\"quote_bid\":\"%sn\",\"quote_ask\":\"%sn\",\"quote_time\":\"%dn\","
                                .formatted(wad(bid), wad(ask), time)
                        + log(blockNumber, logIndex)
                        + "}";
        return insert(blockNumber, logIndex, json);
    }

    SeriesFiles refresh(long time, double bid, double ask) throws SQLException {
        return refresh(time, bid, ask, block++, 0);
    }

    /** A Refresh row as the original CLI wrote v10a quotes: quote_mid/quote_rel/quote_utc. */
    SeriesFiles refreshMidNames(long time, double mid, long blockNumber, int logIndex)
            throws SQLException {
        String json =
                "{\"id\":\"%s\",\"filter\":\"Refresh\",\"source_symbol\":\"XPOW\","
                                .formatted(id(blockNumber, logIndex))
                        + "\"quote_mid\":\"%sn\",\"quote_rel\":\"0n\",\"quote_utc\":\"%dn\","
                                .formatted(wad(mid), time)
                        + log(blockNumber, logIndex)
                        + "}";
        return insert(blockNumber, logIndex, json);
    }

    private static String wad(double value) {
        return new BigDecimal(value).movePointRight(18).toBigInteger().toString();
    }

    private static String id(long blockNumber, int logIndex) {
        return UUID.nameUUIDFromBytes((blockNumber + ":" + logIndex).getBytes()).toString();
    }

    private static String log(long blockNumber, int logIndex) {
        return ("\"log\":{\"_type\":\"log\",\"address\":\"0x03\",\"blockHash\":\"0x%x\","
                        + "\"blockNumber\":%d,\"data\":\"0x\",\"index\":%d,\"removed\":false,"
                        + "\"topics\":[],\"transactionHash\":\"0x%x\",\"transactionIndex\":0}")
                .formatted(blockNumber, blockNumber, logIndex, blockNumber * 31 + logIndex);
    }

    private SeriesFiles insert(long blockNumber, int logIndex, String json) throws SQLException {
        insert.setString(1, id(blockNumber, logIndex));
        insert.setString(2, json);
        insert.executeUpdate();
        return this;
    }

    SeriesFiles commit() throws SQLException {
        connection.commit();
        return this;
    }

    /** Copies the write-ahead log into the database file and truncates the log to zero bytes. */
    SeriesFiles checkpoint() throws SQLException {
        connection.commit();
        connection.setAutoCommit(true);
        try (var s = connection.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        connection.setAutoCommit(false);
        return this;
    }

    @Override
    public void close() throws SQLException {
        connection.commit();
        insert.close();
        connection.close();
    }
}
