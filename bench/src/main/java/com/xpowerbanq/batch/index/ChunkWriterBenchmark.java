package com.xpowerbanq.batch.index;

import com.xpowerbanq.schema.Catalogue;
import com.xpowerbanq.schema.Series;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rows per second of the chunk-16 writer: each call writes the next 16 generated rows, with their
 * window end, in one SQLite transaction into a fresh series database per iteration (typed columns,
 * indexes, daily rollup, WAL). Rows are new in every call, so no write is an idempotent no-op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ChunkWriterBenchmark {
    private static final int CHUNK = 16;
    // more than one iteration writes on this machine (tens of thousands of rows a second)
    private static final int ROWS = 400_000;

    @Param({"APOW:supply:P000", "XPOW_APOW:T000"})
    public String series;

    private List<SeriesRow> rows;
    private Path dir;
    private RawLogStore store;
    private int next;

    @Setup(Level.Trial)
    public void generate() {
        rows = WriterBench.generate(Catalogue.parse(series), ROWS);
    }

    @Setup(Level.Iteration)
    public void open() throws IOException {
        Series parsed = Catalogue.parse(series);
        dir = Files.createTempDirectory("banq-jmh-writer-");
        store = RawLogStore.open(dir.resolve(parsed.stateFile()), parsed.kind());
        next = 0;
    }

    @TearDown(Level.Iteration)
    public void close() throws IOException {
        store.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** One chunk of 16 rows in one transaction; the score is rows per second. */
    @Benchmark
    @OperationsPerInvocation(CHUNK)
    public int writeChunk() {
        if (next + CHUNK > rows.size()) {
            throw new IllegalStateException(
                    "an iteration wrote all " + ROWS + " generated rows: shorten it (-r)");
        }
        List<SeriesRow> chunk = rows.subList(next, next + CHUNK);
        next += CHUNK;
        SeriesRow last = chunk.get(CHUNK - 1);
        return store.write(chunk, new WindowEnd(last.block(), 31337, "0x" + "5f".repeat(20)));
    }
}
