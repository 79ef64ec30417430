package com.xpowerbanq.batch.bench;

import com.xpowerbanq.batch.cli.CommandLine;
import com.xpowerbanq.batch.index.SeriesScanReport;
import com.xpowerbanq.batch.index.WriterBench;
import com.xpowerbanq.batch.launch.JobNames;
import com.xpowerbanq.batch.launch.JobRunner;
import com.xpowerbanq.devnet.Devnet;
import com.xpowerbanq.devnet.DevnetOptions;
import com.xpowerbanq.schema.Series;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * {@code banq-batch bench}: rows/s of the chunk-16 SQLite writer on generated rows, then blocks/s
 * and events/s of a backfill of every series against a devnet it starts (or against {@code
 * PROVIDER_URL} with {@code CONTRACTS_FILE} when both are set). Prints figures; asserts nothing.
 */
public final class IngestBench {
    private IngestBench() {}

    public static int run(Map<String, String> parameters, String[] options) {
        int rows = Integer.parseInt(parameters.getOrDefault("rows", "200000"));
        int days = Integer.parseInt(parameters.getOrDefault("days", "120"));
        String window = parameters.getOrDefault("window", "1000");
        Path dir = tempDir();
        try {
            System.out.printf(
                    "chunk-16 writer (typed columns, indexes, daily rollup, WAL, synchronous=NORMAL),"
                            + " load average %s:%n",
                    loadAverage());
            for (Series series : WriterBench.defaults()) {
                WriterBench.run(series, dir.resolve("warmup"), Math.min(rows, 20_000));
                WriterBench.Result r = WriterBench.run(series, dir, rows);
                System.out.printf(
                        "  %-18s %,d rows in %.2f s: %,.0f rows/s%n",
                        r.series(), r.rows(), r.seconds(), r.rowsPerSecond());
            }
            backfill(dir.resolve("state"), days, window, options);
            return 0;
        } finally {
            delete(dir);
        }
    }

    private static void backfill(Path state, int days, String window, String[] options) {
        String url = System.getenv("PROVIDER_URL");
        String contracts = System.getenv("CONTRACTS_FILE");
        Devnet devnet = null;
        if (url == null || url.isBlank() || contracts == null || contracts.isBlank()) {
            System.out.printf("starting a devnet with %d days of activity...%n", days);
            devnet = Devnet.start(DevnetOptions.defaults().withDays(days));
            url = devnet.rpcUrl();
            contracts = devnet.registryFile().toString();
        }
        List<String> args = new ArrayList<>(List.of(options));
        args.add("--state-dir=" + state);
        args.add("--banq.chain.provider-url=" + url);
        args.add("--banq.chain.contracts-file=" + contracts);
        args.add("--banq.quiet=true");
        try (var app = CommandLine.start(args.toArray(String[]::new))) {
            JobRunner runner = app.getBean(JobRunner.class);
            System.out.printf(
                    "backfill of all series from deployment, window=%s blocks:%n", window);
            for (String job : JobNames.indexJobs()) {
                long started = System.nanoTime();
                JobExecution execution =
                        runner.run(
                                job, Map.of("series", "all", "from", "deploy", "window", window));
                double seconds = (System.nanoTime() - started) / 1e9;
                report(job, execution, seconds);
            }
        } finally {
            if (devnet != null) {
                devnet.close();
            }
        }
    }

    private static void report(String job, JobExecution execution, double seconds) {
        List<SeriesScanReport> series =
                SeriesScanReport.of(
                        JobNames.seriesStep(job), new ArrayList<>(execution.getStepExecutions()));
        long blocks = 0;
        long events = 0;
        for (SeriesScanReport r : series) {
            @Nullable Long from = r.from();
            @Nullable Long reached = r.reached();
            if (from != null && reached != null && reached >= from) {
                blocks += reached - from + 1;
            }
            events += r.events();
        }
        System.out.printf(
                "  %-14s %s: %d series, %,d blocks, %,d events in %.2f s: %,.0f blocks/s, %,.0f events/s%n",
                job,
                execution.getStatus() == BatchStatus.COMPLETED ? "ok" : execution.getStatus(),
                series.size(),
                blocks,
                events,
                seconds,
                blocks / seconds,
                events / seconds);
    }

    /** The 1-minute load average: figures on a busy machine are lower, and say so. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("banq-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("bench: could not remove " + dir + ": " + e.getMessage());
        }
    }
}
