package com.xpowerbanq.batch.index;

import com.xpowerbanq.chain.rpc.ChainLog;
import com.xpowerbanq.schema.Catalogue;
import com.xpowerbanq.schema.ContractRun;
import com.xpowerbanq.schema.RiSeries;
import com.xpowerbanq.schema.RtSeries;
import com.xpowerbanq.schema.Series;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures the chunk-16 writer: generated rows in the original format (decoded from synthetic logs,
 * one event a minute), written in transactions of 16 into a fresh series database with its typed
 * columns, indexes and daily rollup.
 */
public final class WriterBench {
    private static final String ADDRESS = "0x5fbdb2315678afecb367f032d93f642f64180aa3";

    /** Rows written, seconds taken, rows per second. */
    public record Result(String series, int rows, double seconds) {
        public double rowsPerSecond() {
            return rows / seconds;
        }
    }

    /** The two rates of {@link #alternately}: on the empty database and on the filled one. */
    public record Pair(Result empty, Result filled) {
        public double ratio() {
            return filled.rowsPerSecond() / empty.rowsPerSecond();
        }
    }

    // rows per turn of alternately(): 64 commits, short against the load's swings on a
    // shared machine, long against the cost of switching databases
    private static final int TURN = 1_024;

    private WriterBench() {}

    public static Result run(Series series, Path dir, int rows) {
        return run(series, dir, 0, rows);
    }

    /**
     * Times {@code rows} rows written in chunks of 16 into the series database in {@code dir},
     * numbered after the {@code from} rows it already holds (see {@link #fill}).
     */
    public static Result run(Series series, Path dir, int from, int rows) {
        List<SeriesRow> generated = generate(series, from, rows);
        try (RawLogStore store = RawLogStore.open(dir.resolve(series.stateFile()), series.kind())) {
            long started = System.nanoTime();
            write(store, generated, IndexConfiguration.CHUNK);
            double seconds = (System.nanoTime() - started) / 1e9;
            return new Result(series.instanceId(), rows, seconds);
        }
    }

    /**
     * Times {@code rows} rows written in chunks of 16 into a new database in {@code emptyDir} and
     * the same number on top of the {@code filled} rows of the database in {@code filledDir}, in
     * turns of 1,024 rows: both see the same load, so their ratio holds on a busy machine where
     * whole runs one after the other differ by half.
     */
    public static Pair alternately(
            Series series, Path emptyDir, Path filledDir, int filled, int rows) {
        List<SeriesRow> toEmpty = generate(series, 0, rows);
        List<SeriesRow> toFilled = generate(series, filled, rows);
        long emptyNanos = 0;
        long filledNanos = 0;
        try (RawLogStore empty =
                        RawLogStore.open(emptyDir.resolve(series.stateFile()), series.kind());
                RawLogStore full =
                        RawLogStore.open(filledDir.resolve(series.stateFile()), series.kind())) {
            for (int from = 0; from < rows; from += TURN) {
                int to = Math.min(rows, from + TURN);
                emptyNanos += timed(empty, toEmpty.subList(from, to));
                filledNanos += timed(full, toFilled.subList(from, to));
            }
        }
        return new Pair(
                new Result(series.instanceId(), rows, emptyNanos / 1e9),
                new Result(series.instanceId(), rows, filledNanos / 1e9));
    }

    private static long timed(RawLogStore store, List<SeriesRow> rows) {
        long started = System.nanoTime();
        write(store, rows, IndexConfiguration.CHUNK);
        return System.nanoTime() - started;
    }

    /**
     * Writes the first {@code rows} generated rows into the series database in {@code dir} in large
     * transactions, untimed: the history a chunk-16 run then writes on top of.
     */
    public static void fill(Series series, Path dir, int rows) {
        int batch = 50_000; // generated rows are about 1 kB each: never all at once
        try (RawLogStore store = RawLogStore.open(dir.resolve(series.stateFile()), series.kind())) {
            for (int from = 0; from < rows; from += batch) {
                write(store, generate(series, from, Math.min(batch, rows - from)), 4_096);
            }
        }
    }

    private static void write(RawLogStore store, List<SeriesRow> rows, int chunkSize) {
        for (int i = 0; i < rows.size(); i += chunkSize) {
            List<SeriesRow> chunk = rows.subList(i, Math.min(rows.size(), i + chunkSize));
            SeriesRow last = chunk.get(chunk.size() - 1);
            store.write(chunk, new WindowEnd(last.block(), 31337, ADDRESS));
        }
    }

    static List<SeriesRow> generate(Series series, int rows) {
        return generate(series, 0, rows);
    }

    /** Rows number {@code from} to {@code from + rows - 1}: one a minute, one block each. */
    static List<SeriesRow> generate(Series series, int from, int rows) {
        EventDecoder decoder =
                switch (series) {
                    case RiSeries ri -> new ReindexDecoder(ri, ADDRESS, ContractRun.V10A);
                    case RtSeries rt ->
                            new RefreshDecoder(
                                    rt, ADDRESS, ADDRESS.replace('5', '6'), ContractRun.V10A);
                };
        List<String> topics = new ArrayList<>();
        for (String topic : decoder.topics()) {
            topics.add(topic);
        }
        long start = 1_700_000_000L;
        List<SeriesRow> out = new ArrayList<>(rows);
        for (int i = from; i < from + rows; i++) {
            long time = start + 60L * i;
            BigInteger a =
                    BigInteger.TEN
                            .pow(27)
                            .add(BigInteger.valueOf(i).multiply(BigInteger.TEN.pow(15)));
            BigInteger b =
                    BigInteger.valueOf(
                            500_000_000_000_000_000L + (i * 7919L) % 400_000_000_000_000_000L);
            String data =
                    "0x"
                            + word(series instanceof RiSeries ? a : b)
                            + word(b.add(BigInteger.TEN.pow(15)))
                            + word(BigInteger.valueOf(time));
            String hash = String.format(Locale.ROOT, "0x%064x", i + 1);
            ChainLog log = new ChainLog(ADDRESS, hash, 1000L + i, data, 0, false, topics, hash, 0);
            out.add(decoder.decode(31337, log));
        }
        return out;
    }

    private static String word(BigInteger value) {
        String hex = value.toString(16);
        return "0".repeat(64 - hex.length()) + hex;
    }

    /** The series the bench writes by default: one of each kind. */
    public static List<Series> defaults() {
        return List.of(Catalogue.parse("APOW:supply:P000"), Catalogue.parse("XPOW_APOW:T000"));
    }
}
