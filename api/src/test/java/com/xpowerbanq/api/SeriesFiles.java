package com.xpowerbanq.api;

import com.xpowerbanq.schema.ContractRun;
import com.xpowerbanq.schema.Kind;
import com.xpowerbanq.schema.LegacySchema;
import com.xpowerbanq.schema.SeriesDatabase;
import com.xpowerbanq.schema.row.LogJson;
import com.xpowerbanq.schema.row.RiRow;
import com.xpowerbanq.schema.row.Row;
import com.xpowerbanq.schema.row.RowJson;
import com.xpowerbanq.schema.row.RtMidRow;
import com.xpowerbanq.schema.row.RtRow;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Writes series database files for tests: the original system's schema (raw_logs and views only) or
 * the current one with the daily rollup, rows in the original JSON format.
 */
final class SeriesFiles implements AutoCloseable {
    private static final String SOURCE = "0x02";
    private static final String TARGET = "0x01";

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
        return current(file, ri, ContractRun.V10A);
    }

    /** A database of the current schema for the events of {@code run}. */
    static SeriesFiles current(Path file, boolean ri, ContractRun run) throws SQLException {
        return new SeriesFiles(SeriesDatabase.openWriter(file, ri ? Kind.RI : Kind.RT, run));
    }

    /** A Reindex event with utilisation {@code util} (as util_wad = util·1e18) at {@code stamp}. */
    SeriesFiles reindex(long stamp, double util, long blockNumber, int logIndex)
            throws SQLException {
        RiRow row =
                new RiRow(
                        id(blockNumber, logIndex),
                        BigInteger.TEN.pow(27),
                        BigInteger.ZERO,
                        wad(util),
                        BigInteger.valueOf(stamp),
                        "APOW",
                        TARGET,
                        "supply",
                        log(blockNumber, logIndex));
        return insert(row);
    }

    SeriesFiles reindex(long stamp, double util) throws SQLException {
        return reindex(stamp, util, block++, 0);
    }

    /** A Refresh event with quote (bid, ask) at quote time {@code time}. */
    SeriesFiles refresh(long time, double bid, double ask, long blockNumber, int logIndex)
            throws SQLException {
        RtRow row =
                new RtRow(
                        id(blockNumber, logIndex),
                        "XPOW",
                        SOURCE,
                        "APOW",
                        TARGET,
                        wad(bid),
                        wad(ask),
                        BigInteger.valueOf(time),
                        log(blockNumber, logIndex));
        return insert(row);
    }

    SeriesFiles refresh(long time, double bid, double ask) throws SQLException {
        return refresh(time, bid, ask, block++, 0);
    }

    /**
     * A Refresh row as the original CLI wrote the quotes of {@code run}: quote_mid, quote_rel,
     * quote_utc, the log under the run's Refresh topic. In v10a {@code mid} and {@code rel} are the
     * bid and the ask.
     */
    SeriesFiles refreshMidNames(
            ContractRun run, long time, double mid, double rel, long blockNumber, int logIndex)
            throws SQLException {
        RtMidRow row =
                new RtMidRow(
                        id(blockNumber, logIndex),
                        "XPOW",
                        SOURCE,
                        "APOW",
                        TARGET,
                        wad(mid),
                        wad(rel),
                        BigInteger.valueOf(time),
                        log(blockNumber, logIndex, List.of(run.refreshTopic(), TARGET, SOURCE)));
        return insert(row);
    }

    /** A Reindex row of a v10b/v10c position: index_log as the event gives it, no index_ray. */
    SeriesFiles reindexLog(long stamp, double util) throws SQLException {
        long blockNumber = block++;
        return insert(
                new RiRow(
                        id(blockNumber, 0),
                        null,
                        BigInteger.valueOf(blockNumber),
                        wad(util),
                        BigInteger.valueOf(stamp),
                        "APOW",
                        TARGET,
                        "supply",
                        log(blockNumber, 0)));
    }

    private static BigInteger wad(double value) {
        return new BigDecimal(value).movePointRight(18).toBigInteger();
    }

    private static String id(long blockNumber, int logIndex) {
        return UUID.nameUUIDFromBytes((blockNumber + ":" + logIndex).getBytes()).toString();
    }

    private static LogJson log(long blockNumber, int logIndex) {
        return log(blockNumber, logIndex, List.of());
    }

    private static LogJson log(long blockNumber, int logIndex, List<String> topics) {
        return new LogJson(
                "0x03",
                "0x%x".formatted(blockNumber),
                blockNumber,
                "0x",
                logIndex,
                false,
                topics,
                "0x%x".formatted(blockNumber * 31 + logIndex),
                0);
    }

    private SeriesFiles insert(Row row) throws SQLException {
        insert.setString(1, row.id());
        insert.setString(2, RowJson.write(row));
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
