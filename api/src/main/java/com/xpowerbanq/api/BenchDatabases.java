package com.xpowerbanq.api;

import com.xpowerbanq.schema.Kind;
import com.xpowerbanq.schema.LegacySchema;
import com.xpowerbanq.schema.SeriesDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * Writes benchmark databases at production density in the original JSON row format: legacy ones
 * with the original system's DDL, current ones the same way and then opened once by db-schema's
 * writer, which migrates them and builds the daily rollup. One transaction and batched prepared
 * inserts per file.
 */
final class BenchDatabases {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int BATCH = 2_000;

    private BenchDatabases() {}

    /**
     * Writes {@code rows} events of {@code kind}, evenly spread over [first, last] (UTC days), into
     * {@code file}, unless it already holds them. Returns the rows written per second, or -1 when
     * the file was reused.
     */
    static double write(
            Path file, Kind kind, boolean legacy, long rows, LocalDate first, LocalDate last)
            throws SQLException {
        if (Files.exists(file)) {
            return -1;
        }
        long from = first.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        long span = last.plusDays(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC) - from;
        long started = System.nanoTime();
        try (Connection c =
                        legacy ? legacyWriter(file, kind) : SeriesDatabase.openWriter(file, kind);
                PreparedStatement insert =
                        c.prepareStatement(
                                "INSERT INTO raw_logs(id, json) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            c.setAutoCommit(false);
            SplittableRandom random = new SplittableRandom(kind.ordinal() * 31L + (legacy ? 7 : 0));
            Rows rowMaker = new Rows(random);
            double price = 1.0;
            for (long i = 0; i < rows; i++) {
                long time = from + (long) ((double) i * span / rows);
                long block = 40_000_000L + i * 3;
                String json;
                if (kind == Kind.RI) {
                    json = rowMaker.reindex(time, random.nextDouble(), block);
                } else {
                    price = Math.max(0.01, price * (1 + (random.nextDouble() - 0.5) * 0.01));
                    json = rowMaker.refresh(time, price * 0.999, price * 1.001, block);
                }
                insert.setString(1, rowMaker.lastId());
                insert.setString(2, json);
                insert.addBatch();
                if ((i + 1) % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            c.commit();
        }
        if (!legacy) {
            SeriesDatabase.openWriter(file, kind).close();
        }
        return rows / ((System.nanoTime() - started) / 1e9);
    }

    private static Connection legacyWriter(Path file, Kind kind) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=NORMAL");
        }
        LegacySchema.create(c, kind);
        return c;
    }

    /** Builds rows in the original JSON format with random hashes. */
    private static final class Rows {
        private final SplittableRandom random;
        private final StringBuilder out = new StringBuilder(1_024);
        private String lastId = "";

        Rows(SplittableRandom random) {
            this.random = random;
        }

        String lastId() {
            return lastId;
        }

        String reindex(long stamp, double util, long block) {
            out.setLength(0);
            startRow();
            out.append("\"filter\":\"Reindex\",\"index_ray\":\"1000000000000000000000000000n\",")
                    .append("\"index_log\":\"0n\",\"util_wad\":\"")
                    .append((long) (util * 1e18))
                    .append("n\",\"stamp\":\"")
                    .append(stamp)
                    .append("n\",\"symbol\":\"APOW\",\"token\":\"");
            hex(40);
            out.append("\",\"mode\":\"supply\",");
            log(block, 1);
            return out.append('}').toString();
        }

        String refresh(long time, double bid, double ask, long block) {
            out.setLength(0);
            startRow();
            out.append("\"filter\":\"Refresh\",\"source_symbol\":\"XPOW\",\"source_token\":\"");
            hex(40);
            out.append("\",\"target_symbol\":\"APOW\",\"target_token\":\"");
            hex(40);
            out.append("\",\"quote_bid\":\"")
                    .append((long) (bid * 1e18))
                    .append("n\",\"quote_ask\":\"")
                    .append((long) (ask * 1e18))
                    .append("n\",\"quote_time\":\"")
                    .append(time)
                    .append("n\",");
            log(block, 3);
            return out.append('}').toString();
        }

        private void startRow() {
            lastId = new java.util.UUID(random.nextLong(), random.nextLong()).toString();
            out.append("{\"id\":\"").append(lastId).append("\",");
        }

        private void log(long block, int topics) {
            out.append("\"log\":{\"_type\":\"log\",\"address\":\"");
            hex(40);
            out.append("\",\"blockHash\":\"");
            hex(64);
            out.append("\",\"blockNumber\":").append(block).append(",\"data\":\"");
            hex(192);
            out.append("\",\"index\":0,\"removed\":false,\"topics\":[");
            for (int t = 0; t < topics; t++) {
                out.append(t > 0 ? ",\"" : "\"");
                hex(64);
                out.append('"');
            }
            out.append("],\"transactionHash\":\"");
            hex(64);
            out.append("\",\"transactionIndex\":").append(random.nextInt(8)).append('}');
        }

        private void hex(int digits) {
            out.append("0x");
            long bits = 0;
            for (int i = 0; i < digits; i++) {
                if (i % 16 == 0) {
                    bits = random.nextLong();
                }
                out.append(HEX[(int) (bits & 0xF)]);
                bits >>>= 4;
            }
        }
    }
}
