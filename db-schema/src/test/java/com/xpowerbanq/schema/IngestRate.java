package com.xpowerbanq.schema;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;

/**
 * Prints the rows/s a writer reaches on the current schema (triggers, generated columns, indexes)
 * with 16 rows per transaction, as the batch writer commits. A measurement, not a test: run it with
 * the test classpath, e.g. {@code java -cp … com.xpowerbanq.schema.IngestRate [rows]}.
 */
public final class IngestRate {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Path dir = Files.createTempDirectory("ingest-rate");
        for (Kind kind : Kind.values()) {
            List<String> json = Db.events(rows, 42).stream().map(e -> e.json(kind)).toList();
            for (int round = 0; round < 2; round++) { // the first round warms the JIT
                Path file = dir.resolve(kind + "-" + round + ".db");
                try (Connection db = SeriesDatabase.openWriter(file, kind)) {
                    long start = System.nanoTime();
                    long cpuStart = THREADS.getCurrentThreadCpuTime();
                    insert(db, json);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
                    // on a shared machine the CPU-time rate shows what the writer itself costs
                    System.out.printf(
                            "%s round %d: %,d rows, chunks of 16: %,.0f rows/s wall (%.2f s),"
                                    + " %,.0f rows/s of writer CPU time (%.2f s)%n",
                            kind,
                            round,
                            rows,
                            rows / seconds,
                            seconds,
                            rows / cpuSeconds,
                            cpuSeconds);
                }
                for (String suffix : List.of("", "-wal", "-shm")) {
                    Files.deleteIfExists(Path.of(file + suffix));
                }
            }
        }
        Files.delete(dir);
    }

    private static void insert(Connection db, List<String> json) throws Exception {
        db.setAutoCommit(false);
        try (PreparedStatement insert = db.prepareStatement(Db.INSERT)) {
            int n = 0;
            for (String row : json) {
                insert.setString(1, Db.idOf(row));
                insert.setString(2, row);
                insert.executeUpdate();
                if (++n % 16 == 0) {
                    db.commit();
                }
            }
            db.commit();
        }
    }
}
