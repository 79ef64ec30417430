package com.xpowerbanq.batch.bench;

import com.xpowerbanq.batch.cli.CommandLine;
import com.xpowerbanq.batch.index.SeriesScanReport;
import com.xpowerbanq.batch.index.WriterBench;
import com.xpowerbanq.batch.launch.JobNames;
import com.xpowerbanq.batch.launch.JobRunner;
import com.xpowerbanq.devnet.Devnet;
import com.xpowerbanq.devnet.DevnetOptions;
import com.xpowerbanq.schema.Series;
import com.xpowerbanq.schema.cli.ExitCode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * {@code ./banq bench ingest} (its lines keep the prefix {@code banq-batch bench:}): rows/s of the
 * chunk-16 SQLite writer on generated rows, then blocks/s and events/s of a backfill of every
 * series against a devnet it starts (or against {@code PROVIDER_URL} with {@code CONTRACTS_FILE}
 * when both are set). Prints figures; asserts nothing.
 */
public final class IngestBench {
    private static final Set<String> PARAMETERS =
            Set.of("rows", "filled", "runs", "days", "window");

    // the page size of the series databases (SQLite's default, which the writer keeps)
    private static final int DATABASE_PAGE = 4_096;

    private IngestBench() {}

    public static int run(Map<String, String> parameters, String[] options) {
        return run(parameters, options, System.getenv(), System.out, System.err);
    }

    /** The bench with its environment and output given (the tests point it at a provider). */
    static int run(
            Map<String, String> parameters,
            String[] options,
            Map<String, String> env,
            PrintStream out,
            PrintStream err) {
        Settings settings;
        try {
            settings = Settings.parse(parameters);
        } catch (IllegalArgumentException e) {
            err.println("banq-batch bench: " + e.getMessage());
            return ExitCode.USAGE.code;
        }
        Path dir = tempDir();
        try {
            out.printf(
                    "chunk-16 writer (typed columns, indexes, daily rollup, WAL, synchronous=NORMAL),"
                            + " load average %s:%n",
                    loadAverage());
            for (Series series : WriterBench.defaults()) {
                WriterBench.run(series, dir.resolve("warmup"), Math.min(settings.rows(), 20_000));
                writerRates(series, dir, settings, out);
            }
            List<String> failed = backfill(dir.resolve("state"), settings, options, env, out);
            if (!failed.isEmpty()) {
                err.println(
                        "banq-batch bench: the backfill did not complete, its figures measure"
                                + " nothing: "
                                + String.join("; ", failed));
                return ExitCode.INTERNAL.code;
            }
            return ExitCode.OK.code;
        } catch (RuntimeException e) {
            err.println("banq-batch bench: " + e.getMessage());
            return ExitCode.INTERNAL.code;
        } finally {
            delete(dir);
        }
    }

    /**
     * The writer's rate on an empty database and on one that already holds {@code filled} rows,
     * written in alternating turns, {@code runs} times: each run's ratio, then their median, so
     * that a cost growing with the history shows above the noise of a shared machine. The history
     * is written once, untimed, and each run writes on a fresh copy of it (synced to disk first).
     */
    private static void writerRates(Series series, Path dir, Settings settings, PrintStream out) {
        Path history = dir.resolve("history");
        WriterBench.fill(series, history, settings.filled());
        List<Double> ratios = new ArrayList<>();
        for (int run = 1; run <= settings.runs(); run++) {
            Path emptyDir = dir.resolve("empty-" + run);
            Path filledDir = dir.resolve("filled-" + run);
            if (run < settings.runs()) {
                copyToDisk(history.resolve(series.stateFile()), filledDir);
            } else {
                move(history, filledDir); // the last run writes on the history itself
            }
            WriterBench.Pair pair =
                    WriterBench.alternately(
                            series, emptyDir, filledDir, settings.filled(), settings.rows());
            WriterBench.Result empty = pair.empty();
            WriterBench.Result r = pair.filled();
            double ratio = pair.ratio();
            out.printf(
                    "  %-18s %,d rows in %.2f s: %,.0f rows/s%n",
                    empty.series(), empty.rows(), empty.seconds(), empty.rowsPerSecond());
            out.printf(
                    "  %-18s %,d rows on %,d rows in %.2f s: %,.0f rows/s (empty: %,.0f rows/s,"
                            + " ratio %.2f; load average %s)%n",
                    r.series(),
                    r.rows(),
                    settings.filled(),
                    r.seconds(),
                    r.rowsPerSecond(),
                    empty.rowsPerSecond(),
                    ratio,
                    loadAverage());
            ratios.add(ratio);
            delete(emptyDir);
            delete(filledDir);
        }
        if (ratios.size() > 1) {
            List<Double> sorted = ratios.stream().sorted().toList();
            out.printf(
                    "  %-18s ratio filled/empty, median of %d runs: %.2f (%.2f–%.2f)%n",
                    series.instanceId(),
                    sorted.size(),
                    median(sorted),
                    sorted.getFirst(),
                    sorted.getLast());
        }
    }

    /**
     * Copies the history into {@code dir} one 4 KiB database page per write, as SQLite writes it,
     * and forces the copy to disk. A copy made in large writes ({@code cp}, {@link Files#copy}) ran
     * at 0.81–0.89 of the original's rate: the kernel keeps its pages in large folios, so each page
     * the writer changes dirties and writes back a whole folio. Forced, so that the timed run's
     * first checkpoint does not write the copy back.
     */
    private static void copyToDisk(Path file, Path dir) {
        Path copy = dir.resolve(file.getFileName());
        try {
            Files.createDirectories(dir);
            try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
                    FileChannel out =
                            FileChannel.open(
                                    copy,
                                    StandardOpenOption.CREATE_NEW,
                                    StandardOpenOption.WRITE)) {
                ByteBuffer page = ByteBuffer.allocateDirect(DATABASE_PAGE);
                while (in.read(page) > 0) {
                    page.flip();
                    while (page.hasRemaining()) {
                        out.write(page);
                    }
                    page.clear();
                }
                out.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + file + " into " + dir, e);
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + from + " to " + to, e);
        }
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /**
     * The bench's parameters: rows written per series, rows already in the database of the filled
     * writer runs, pairs of empty and filled runs, devnet days, backfill window.
     */
    record Settings(int rows, int filled, int runs, int days, String window) {
        static Settings parse(Map<String, String> parameters) {
            for (String name : parameters.keySet()) {
                if (!PARAMETERS.contains(name)) {
                    throw new IllegalArgumentException(
                            "unknown parameter '"
                                    + name
                                    + "' (accepted: rows=N, filled=N, runs=N, days=N,"
                                    + " window=BLOCKS)");
                }
            }
            int rows = count(parameters, "rows", "200000", 100_000_000);
            int filled = count(parameters, "filled", "1000000", 100_000_000);
            int runs = count(parameters, "runs", "3", 99);
            int days = count(parameters, "days", "120", 3650);
            int window = count(parameters, "window", "1000", 100_000_000);
            return new Settings(rows, filled, runs, days, String.valueOf(window));
        }

        private static int count(
                Map<String, String> parameters, String name, String fallback, int max) {
            String value = parameters.getOrDefault(name, fallback).strip();
            try {
                int parsed = Integer.parseInt(value);
                if (parsed >= 1 && parsed <= max) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(
                    name + "=" + value + " is not a whole number between 1 and " + max);
        }
    }

    /** Runs the backfill of both index jobs; returns what failed, one entry per failed job. */
    private static List<String> backfill(
            Path state,
            Settings settings,
            String[] options,
            Map<String, String> env,
            PrintStream out) {
        String url = env.get("PROVIDER_URL");
        String contracts = env.get("CONTRACTS_FILE");
        Devnet devnet = null;
        if (url == null || url.isBlank() || contracts == null || contracts.isBlank()) {
            out.printf("starting a devnet with %d days of activity...%n", settings.days());
            devnet = Devnet.start(DevnetOptions.defaults().withDays(settings.days()));
            url = devnet.rpcUrl();
            contracts = devnet.registryFile().toString();
        }
        List<String> args = new ArrayList<>(List.of(options));
        args.add("--state-dir=" + state);
        args.add("--banq.chain.provider-url=" + url);
        args.add("--banq.chain.contracts-file=" + contracts);
        args.add("--banq.quiet=true");
        List<String> failed = new ArrayList<>();
        try (var app = CommandLine.start(args.toArray(String[]::new))) {
            JobRunner runner = app.getBean(JobRunner.class);
            out.printf(
                    "backfill of all series from deployment, window=%s blocks:%n",
                    settings.window());
            for (String job : JobNames.indexJobs()) {
                long started = System.nanoTime();
                JobExecution execution =
                        runner.run(
                                job,
                                Map.of(
                                        "series",
                                        "all",
                                        "from",
                                        "deploy",
                                        "window",
                                        settings.window()));
                double seconds = (System.nanoTime() - started) / 1e9;
                String failure = report(job, execution, seconds, out);
                if (failure != null) {
                    failed.add(failure);
                }
            }
        } finally {
            if (devnet != null) {
                devnet.close();
            }
        }
        return failed;
    }

    /** Prints the job's figures; returns what failed when it did not complete, else null. */
    private static @Nullable String report(
            String job, JobExecution execution, double seconds, PrintStream out) {
        List<SeriesScanReport> series =
                SeriesScanReport.of(
                        JobNames.seriesStep(job), new ArrayList<>(execution.getStepExecutions()));
        long blocks = 0;
        long events = 0;
        List<String> failed = new ArrayList<>();
        for (SeriesScanReport r : series) {
            @Nullable Long from = r.from();
            @Nullable Long reached = r.reached();
            if (from != null && reached != null && reached >= from) {
                blocks += reached - from + 1;
            }
            events += r.events();
            if (!r.status().equals(BatchStatus.COMPLETED.name())) {
                failed.add(r.series() + (r.note() == null ? "" : " (" + r.note() + ")"));
            }
        }
        boolean completed = execution.getStatus() == BatchStatus.COMPLETED;
        out.printf(
                "  %-14s %s: %d series, %,d blocks, %,d events in %.2f s: %,.0f blocks/s, %,.0f events/s%n",
                job,
                completed ? "ok" : execution.getStatus(),
                series.size(),
                blocks,
                events,
                seconds,
                blocks / seconds,
                events / seconds);
        if (completed) {
            return null;
        }
        String which =
                failed.isEmpty()
                        ? execution.getAllFailureExceptions().stream()
                                .map(Throwable::getMessage)
                                .findFirst()
                                .orElse("no series ran")
                        : failed.size() + " series failed: " + failed.getFirst();
        return job
                + " execution "
                + execution.getId()
                + " ended "
                + execution.getStatus()
                + ", "
                + which
                + (failed.size() > 1 ? " and " + (failed.size() - 1) + " more" : "");
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
