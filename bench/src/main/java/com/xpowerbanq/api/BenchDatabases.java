package com.xpowerbanq.api;

import com.xpowerbanq.schema.Kind;
import com.xpowerbanq.schema.LegacySchema;
import com.xpowerbanq.schema.SeriesDatabase;
import com.xpowerbanq.schema.row.LogJson;
import com.xpowerbanq.schema.row.RiRow;
import com.xpowerbanq.schema.row.Row;
import com.xpowerbanq.schema.row.RowJson;
import com.xpowerbanq.schema.row.RtRow;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Writes benchmark databases at production density in the original JSON row format: legacy ones
 * with the original system's DDL, current ones the same way and then opened once by db-schema's
 * writer, which migrates them and builds the daily rollup. One transaction and batched prepared
 * inserts per file.
 */
final class BenchDatabases {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int BATCH = 2_000;
    private static final BigInteger RAY = BigInteger.TEN.pow(27);

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
                Row row;
                if (kind == Kind.RI) {
                    row = rowMaker.reindex(time, random.nextDouble(), block);
                } else {
                    price = Math.max(0.01, price * (1 + (random.nextDouble() - 0.5) * 0.01));
                    row = rowMaker.refresh(time, price * 0.999, price * 1.001, block);
                }
                insert.setString(1, row.id());
                insert.setString(2, RowJson.write(row));
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

    /** Builds rows in the original format with random hashes. */
    private static final class Rows {
        private final SplittableRandom random;
        private final StringBuilder hex = new StringBuilder(200);

        Rows(SplittableRandom random) {
            this.random = random;
        }

        Row reindex(long stamp, double util, long block) {
            return new RiRow(
                    id(),
                    RAY,
                    BigInteger.ZERO,
                    BigInteger.valueOf((long) (util * 1e18)),
                    BigInteger.valueOf(stamp),
                    "APOW",
                    hex(40),
                    "supply",
                    log(block, 1));
        }

        Row refresh(long time, double bid, double ask, long block) {
            return new RtRow(
                    id(),
                    "XPOW",
                    hex(40),
                    "APOW",
                    hex(40),
                    BigInteger.valueOf((long) (bid * 1e18)),
                    BigInteger.valueOf((long) (ask * 1e18)),
                    BigInteger.valueOf(time),
                    log(block, 3));
        }

        private String id() {
            return new UUID(random.nextLong(), random.nextLong()).toString();
        }

        private LogJson log(long block, int topics) {
            String address = hex(40);
            String blockHash = hex(64);
            String data = hex(192);
            List<String> topicList = new ArrayList<>(topics);
            for (int t = 0; t < topics; t++) {
                topicList.add(hex(64));
            }
            return new LogJson(
                    address,
                    blockHash,
                    block,
                    data,
                    0,
                    false,
                    topicList,
                    hex(64),
                    random.nextInt(8));
        }

        private String hex(int digits) {
            hex.setLength(0);
            hex.append("0x");
            long bits = 0;
            for (int i = 0; i < digits; i++) {
                if (i % 16 == 0) {
                    bits = random.nextLong();
                }
                hex.append(HEX[(int) (bits & 0xF)]);
                bits >>>= 4;
            }
            return hex.toString();
        }
    }
}
