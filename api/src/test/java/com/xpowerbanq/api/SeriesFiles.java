package com.xpowerbanq.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Writes series database files for tests: the original system's schema (raw_logs and views only) or
 * the current one with the daily rollup, rows in the original JSON format.
 */
final class SeriesFiles implements AutoCloseable {
    private static final String LEGACY_RI =
            """
            CREATE TABLE IF NOT EXISTS raw_logs (id TEXT NOT NULL PRIMARY KEY, json TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS idx_block_number
              ON raw_logs (CAST(json_extract(json,'$.log.blockNumber') AS INTEGER));
            CREATE INDEX IF NOT EXISTS idx_stamp
              ON raw_logs (CAST(REPLACE(json_extract(json,'$.stamp'),'n','') AS INTEGER));
            """;
    private static final String LEGACY_RT =
            """
            CREATE TABLE IF NOT EXISTS raw_logs (id TEXT NOT NULL PRIMARY KEY, json TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS idx_block_number
              ON raw_logs (CAST(json_extract(json,'$.log.blockNumber') AS INTEGER));
            CREATE INDEX IF NOT EXISTS idx_quote_time
              ON raw_logs (CAST(REPLACE(json_extract(json,'$.quote_time'),'n','') AS INTEGER));
            """;

    private final Connection connection;
    private final PreparedStatement insert;
    private final boolean ri;
    private long block = 1_000;

    private SeriesFiles(Connection connection, boolean ri) throws SQLException {
        this.connection = connection;
        this.ri = ri;
        connection.setAutoCommit(false);
        this.insert =
                connection.prepareStatement(
                        "INSERT INTO raw_logs(id, json) VALUES (?, ?) ON CONFLICT DO NOTHING");
    }

    static SeriesFiles legacy(Path file, boolean ri) throws SQLException {
        Connection c = open(file);
        execute(c, ri ? LEGACY_RI : LEGACY_RT);
        return new SeriesFiles(c, ri);
    }

    static SeriesFiles current(Path file, boolean ri) throws SQLException {
        Connection c = open(file);
        execute(c, ri ? LEGACY_RI : LEGACY_RT);
        execute(c, rollup(ri));
        return new SeriesFiles(c, ri);
    }

    private static Connection open(Path file) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        execute(c, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
        return c;
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String statement : sql.split(";\\s*\\n(?=CREATE|ALTER|PRAGMA)")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
        }
    }

    // The rollup per ADR 1, as the writer keeps it.
    private static String rollup(boolean ri) {
        String time =
                ri
                        ? "CAST(REPLACE(json_extract(json,'$.stamp'),'n','') AS INTEGER)"
                        : "CAST(REPLACE(json_extract(json,'$.quote_time'),'n','') AS INTEGER)";
        String value =
                ri
                        ? "(REPLACE(json_extract(json,'$.util_wad'),'n','')+0.0)/1e18"
                        : "((REPLACE(json_extract(json,'$.quote_bid'),'n','')+0.0)/1e18"
                                + " + (REPLACE(json_extract(json,'$.quote_ask'),'n','')+0.0)/1e18)/2";
        return """
            ALTER TABLE raw_logs ADD COLUMN ev_block INTEGER
              GENERATED ALWAYS AS (CAST(json_extract(json,'$.log.blockNumber') AS INTEGER)) VIRTUAL;
            ALTER TABLE raw_logs ADD COLUMN ev_index INTEGER
              GENERATED ALWAYS AS (CAST(json_extract(json,'$.log.index') AS INTEGER)) VIRTUAL;
            ALTER TABLE raw_logs ADD COLUMN ev_time INTEGER GENERATED ALWAYS AS (%s) VIRTUAL;
            ALTER TABLE raw_logs ADD COLUMN ev_value REAL GENERATED ALWAYS AS (%s) VIRTUAL;
            CREATE TABLE daily_rollup (day TEXT PRIMARY KEY, n INTEGER NOT NULL, total REAL NOT NULL,
              high REAL, low REAL, open REAL, open_time INTEGER, open_block INTEGER, open_index INTEGER,
              close REAL, close_time INTEGER, close_block INTEGER, close_index INTEGER) WITHOUT ROWID;
            CREATE TRIGGER raw_logs_rollup AFTER INSERT ON raw_logs BEGIN
              INSERT INTO daily_rollup VALUES (date(NEW.ev_time, 'unixepoch'), 1, NEW.ev_value,
                NEW.ev_value, NEW.ev_value, NEW.ev_value, NEW.ev_time, NEW.ev_block, NEW.ev_index,
                NEW.ev_value, NEW.ev_time, NEW.ev_block, NEW.ev_index)
              ON CONFLICT(day) DO UPDATE SET n = n + 1, total = total + excluded.total,
                high = max(high, excluded.high), low = min(low, excluded.low),
                open = CASE WHEN (excluded.open_time, excluded.open_block, excluded.open_index)
                  < (open_time, open_block, open_index) THEN excluded.open ELSE open END,
                open_time = CASE WHEN (excluded.open_time, excluded.open_block, excluded.open_index)
                  < (open_time, open_block, open_index) THEN excluded.open_time ELSE open_time END,
                open_block = CASE WHEN (excluded.open_time, excluded.open_block, excluded.open_index)
                  < (open_time, open_block, open_index) THEN excluded.open_block ELSE open_block END,
                open_index = CASE WHEN (excluded.open_time, excluded.open_block, excluded.open_index)
                  < (open_time, open_block, open_index) THEN excluded.open_index ELSE open_index END,
                close = CASE WHEN (excluded.close_time, excluded.close_block, excluded.close_index)
                  > (close_time, close_block, close_index) THEN excluded.close ELSE close END,
                close_time = CASE WHEN (excluded.close_time, excluded.close_block, excluded.close_index)
                  > (close_time, close_block, close_index) THEN excluded.close_time ELSE close_time END,
                close_block = CASE WHEN (excluded.close_time, excluded.close_block, excluded.close_index)
                  > (close_time, close_block, close_index) THEN excluded.close_block ELSE close_block END,
                close_index = CASE WHEN (excluded.close_time, excluded.close_block, excluded.close_index)
                  > (close_time, close_block, close_index) THEN excluded.close_index ELSE close_index END;
            END
            """
                .formatted(time, value);
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

    boolean isRi() {
        return ri;
    }

    @Override
    public void close() throws SQLException {
        connection.commit();
        insert.close();
        connection.close();
    }
}
