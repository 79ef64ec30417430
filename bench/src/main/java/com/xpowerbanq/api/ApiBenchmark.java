package com.xpowerbanq.api;

import com.xpowerbanq.schema.Kind;
import com.xpowerbanq.schema.SeriesDatabase;
import com.xpowerbanq.schema.cli.ExitCode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * {@code bench api}: writes series databases at production density (three years ≈ 1M rows on the
 * fast path, one year ≈ 100k rows on the legacy path), starts the API on loopback and prints
 * requests/s and p50/p99 latency per route, window and connection count.
 */
final class ApiBenchmark {
    private static final LocalDate LAST = LocalDate.parse("2025-12-31");
    // More distinct windows than the answer cache holds: taken in turn, every request misses that
    // cache and computes its window. Windows end on successive days back from the last day of data.
    private static final int DISTINCT = 512;
    // legacy runs are capped at 40 requests: warm-up and two runs never repeat a window
    private static final int LEGACY_WINDOWS = 120;

    private final long rows;
    private final long legacyRows;
    private final Duration perRun;
    private final PrintStream out;
    private final @Nullable Integer metricsPort;

    private final boolean ownJvmOnly;
    private final @Nullable URI against;

    private ApiBenchmark(
            long rows,
            long legacyRows,
            Duration perRun,
            PrintStream out,
            @Nullable Integer metricsPort,
            boolean ownJvmOnly,
            @Nullable URI against) {
        this.ownJvmOnly = ownJvmOnly;
        this.against = against;
        this.rows = rows;
        this.legacyRows = legacyRows;
        this.perRun = perRun;
        this.out = out;
        this.metricsPort = metricsPort;
    }

    /**
     * Measures with databases of {@code rows} and {@code legacyRows} events, written into {@code
     * dir} and kept (null: a temporary directory), and with the metrics on {@code metricsPort} too
     * unless it is null; {@code against}, unless null, is another server measured in turn with ours
     * in its own JVM. Returns the exit status.
     */
    static int run(
            long rows,
            long legacyRows,
            int seconds,
            @Nullable Path dir,
            @Nullable Integer metricsPort,
            boolean ownJvmOnly,
            @Nullable URI against) {
        ApiBenchmark bench =
                new ApiBenchmark(
                        rows,
                        legacyRows,
                        Duration.ofSeconds(seconds),
                        System.out,
                        metricsPort,
                        ownJvmOnly,
                        against);
        boolean temporary = dir == null;
        try {
            Path where =
                    temporary
                            ? Files.createTempDirectory("banq-api-bench")
                            : Files.createDirectories(dir);
            try {
                bench.measure(where);
            } finally {
                if (temporary) {
                    delete(where);
                }
            }
            return 0;
        } catch (Exception e) {
            System.err.println("banq-api bench: " + e);
            return ExitCode.INTERNAL.code;
        }
    }

    private void measure(Path dir) throws Exception {
        LocalDate threeYears = LAST.minusDays(1_094);
        LocalDate oneYear = LAST.minusDays(364);
        generate(dir, "ri_bench_supply_0", Kind.RI, false, rows, threeYears);
        generate(dir, "rt_bench_apow_0", Kind.RT, false, rows, threeYears);
        generate(dir, "ri_legacy_supply_0", Kind.RI, true, legacyRows, oneYear);
        generate(dir, "rt_legacy_apow_0", Kind.RT, true, legacyRows, oneYear);

        ApiOptions options =
                ApiOptions.defaults()
                        .withPort(0)
                        .withDbPath(dir)
                        .withMaxRows(366)
                        .withPool(new PoolSettings(16, 4, Duration.ofSeconds(30)));
        List<Scenario> scenarios = new ArrayList<>();
        scenarios.add(new Scenario("/health", List.of("/health")));
        for (String db : List.of("ri_bench_supply_0", "rt_bench_apow_0")) {
            String route = db.startsWith("ri") ? "daily_average" : "daily_ohlc";
            String prefix = "/" + db + "/" + route + ".json?";
            String name = route + " %d d, " + label(rows) + ", %s";
            scenarios.add(new Scenario(name.formatted(365, "same"), windows(prefix, 365, 1)));
            scenarios.add(
                    new Scenario(name.formatted(365, "distinct"), windows(prefix, 365, DISTINCT)));
            scenarios.add(
                    Scenario.byQuery(
                            name.formatted(365, "distinct, SQL"), windows(prefix, 365, DISTINCT)));
            scenarios.add(
                    new Scenario(name.formatted(90, "distinct"), windows(prefix, 90, DISTINCT)));
        }
        for (String db : List.of("ri_legacy_supply_0", "rt_legacy_apow_0")) {
            String route = db.startsWith("ri") ? "daily_average" : "daily_ohlc";
            for (int days : new int[] {365, 90}) {
                scenarios.add(
                        new Scenario(
                                "legacy " + route + " " + days + " d, " + label(legacyRows),
                                windows("/" + db + "/" + route + ".json?", days, LEGACY_WINDOWS),
                                40));
            }
        }
        if (!ownJvmOnly) {
            inProcess(dir, options, scenarios);
        }
        ownJvm(dir);
    }

    /** The table of every scenario, the API in this JVM beside the load generator. */
    private void inProcess(Path dir, ApiOptions options, List<Scenario> scenarios)
            throws Exception {
        snapshotCost(dir, "ri_bench_supply_0", Route.DAILY_AVERAGE);
        snapshotCost(dir, "rt_bench_apow_0", Route.DAILY_OHLC);
        try (ApiServer server = new ApiServer(options).start();
                ApiServer queried = new ApiServer(options, false).start()) {
            LoadGenerator snapshotLoad = new LoadGenerator(server.port());
            LoadGenerator queryLoad = new LoadGenerator(queried.port());
            out.printf(
                    "%nAPI on 127.0.0.1:%d (SQL rows: on :%d, which keeps no rollup snapshot), %d"
                            + " cores, load average %.2f, %s s per run (after a warm-up)%n",
                    server.port(),
                    queried.port(),
                    Runtime.getRuntime().availableProcessors(),
                    loadAverage(),
                    perRun.toSeconds());
            out.printf(
                    "%-44s %5s %9s %10s %9s %9s %6s%n",
                    "scenario", "conns", "requests", "req/s", "p50 ms", "p99 ms", "errors");
            for (Scenario s : scenarios) {
                LoadGenerator load = s.byQuery() ? queryLoad : snapshotLoad;
                load.run(
                        s.targets(),
                        s.cursor(),
                        4,
                        Duration.ofMillis(500),
                        Math.min(2_000, s.maxRequests())); // warm-up: JIT, page cache, pool
                for (int connections : new int[] {1, 16}) {
                    LoadGenerator.Result r =
                            load.run(s.targets(), s.cursor(), connections, perRun, s.maxRequests());
                    out.printf(
                            "%-44s %5d %9d %10.0f %9.3f %9.3f %6d%n",
                            s.name(),
                            connections,
                            r.requests(),
                            r.perSecond(),
                            r.percentileMillis(50),
                            r.percentileMillis(99),
                            r.errors());
                }
            }
            out.printf("load average at the end: %.2f%n", loadAverage());
            if (metricsPort != null) {
                metricsCost(options, scenarios, snapshotLoad);
            }
        }
    }

    /**
     * The snapshot scenarios on a server with the metrics on against the one without, off and on
     * interleaved so that the machine's load drifts over both; the better of three runs each. The
     * process's CPU time per request (server and load generator, the same work but the metrics) is
     * what the load bends least.
     */
    private void metricsCost(ApiOptions options, List<Scenario> scenarios, LoadGenerator off)
            throws Exception {
        try (ApiServer metered = new ApiServer(options.withMetricsPort(metricsPort)).start()) {
            LoadGenerator on = new LoadGenerator(metered.port());
            out.printf(
                    "%nmetrics on (API :%d, metrics on 127.0.0.1:%d) against off, load average"
                            + " %.2f%n",
                    metered.port(), metered.metricsPort(), loadAverage());
            out.printf(
                    "%-44s %5s %10s %10s %7s %12s %12s %7s%n",
                    "scenario",
                    "conns",
                    "off req/s",
                    "on req/s",
                    "on/off",
                    "off CPU µs",
                    "on CPU µs",
                    "on/off");
            for (Scenario s : scenarios) {
                if (s.byQuery() || s.maxRequests() < 2_000_000) {
                    continue; // the SQL and legacy paths cost milliseconds: metrics are noise there
                }
                on.run(s.targets(), s.cursor(), 4, Duration.ofMillis(500), 2_000);
                for (int connections : new int[] {1, 16}) {
                    Run offBest = new Run(0, Double.MAX_VALUE);
                    Run onBest = new Run(0, Double.MAX_VALUE);
                    for (int round = 0; round < 3; round++) {
                        offBest = offBest.best(measure(off, s, connections));
                        onBest = onBest.best(measure(on, s, connections));
                    }
                    out.printf(
                            "%-44s %5d %10.0f %10.0f %7.3f %12.1f %12.1f %7.3f%n",
                            s.name(),
                            connections,
                            offBest.perSecond(),
                            onBest.perSecond(),
                            onBest.perSecond() / offBest.perSecond(),
                            offBest.cpuMicros(),
                            onBest.cpuMicros(),
                            onBest.cpuMicros() / offBest.cpuMicros());
                }
            }
            long t0 = System.nanoTime();
            int bytes = scrape(metered.metricsPort()).length;
            out.printf(
                    "one scrape of /metrics: %d bytes in %.1f ms; load average at the end: %.2f%n",
                    bytes, (System.nanoTime() - t0) / 1e6, loadAverage());
        }
    }

    /** Requests per second and the process's CPU microseconds per request of one run. */
    private record Run(double perSecond, double cpuMicros) {
        Run best(Run other) {
            return new Run(
                    Math.max(perSecond, other.perSecond), Math.min(cpuMicros, other.cpuMicros));
        }
    }

    private Run measure(LoadGenerator load, Scenario s, int connections) throws Exception {
        long cpu0 = processCpuNanos();
        LoadGenerator.Result r =
                load.run(s.targets(), s.cursor(), connections, perRun, s.maxRequests());
        long cpu = processCpuNanos() - cpu0;
        return new Run(r.perSecond(), cpu / 1e3 / Math.max(1, r.requests()));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static byte[] scrape(int port) throws Exception {
        return java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create(
                                                "http://127.0.0.1:" + port + "/metrics"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray())
                .body();
    }

    /** banq-api in a JVM of its own, sized as production sizes it. */
    private void ownJvm(Path dir) throws Exception {
        BudgetBench budget =
                new BudgetBench(System.getenv(BudgetBench.FLAGS_ENV), perRun, out, against);
        String year = "lhs=" + LAST.minusDays(364) + "&rhs=" + LAST;
        budget.throughput(
                dir,
                List.of(
                        new BudgetBench.Target("/health", "/health"),
                        new BudgetBench.Target(
                                "daily_average 365 d, " + label(rows),
                                "/ri_bench_supply_0/daily_average.json?" + year),
                        new BudgetBench.Target(
                                "daily_ohlc 365 d, " + label(rows),
                                "/rt_bench_apow_0/daily_ohlc.json?" + year)),
                366);
        budget.memory(dir, LAST, 366);
    }

    /** The system's load average over the last minute: other work on the machine skews figures. */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private void generate(
            Path dir, String name, Kind kind, boolean legacy, long count, LocalDate first)
            throws Exception {
        double perSecond =
                BenchDatabases.write(dir.resolve(name + ".db"), kind, legacy, count, first, LAST);
        if (perSecond < 0) {
            out.printf("reused %s.db%n", name);
        } else {
            out.printf(
                    "wrote %s.db: %d rows, %s..%s, %.0f rows/s%s%n",
                    name, count, first, LAST, perSecond, legacy ? " (original schema)" : "");
        }
    }

    /** What the first request after a commit pays: reading and rendering the whole rollup. */
    private void snapshotCost(Path dir, String name, Route route) throws Exception {
        Path file = dir.resolve(name + ".db");
        FileStamp stamp = FileStamp.of(file, dir.resolve(name + ".db-wal"));
        long[] nanos = new long[21];
        int days = 0;
        try (Connection c = DriverManager.getConnection(SeriesDatabase.readOnlyUrl(file))) {
            for (int i = 0; i < nanos.length; i++) {
                long t0 = System.nanoTime();
                RollupSnapshot snapshot = RollupSnapshot.load(c, route, stamp);
                nanos[i] = System.nanoTime() - t0;
                days = snapshot.days();
            }
        }
        Arrays.sort(nanos);
        out.printf(
                "rollup snapshot of %s: %d days read and rendered in %.2f ms (median of %d);"
                        + " paid once per commit%n",
                name, days, nanos[nanos.length / 2] / 1e6, nanos.length);
    }

    private static String label(long count) {
        return count >= 1_000_000 ? (count / 1_000_000) + "M rows" : (count / 1_000) + "k rows";
    }

    /**
     * What one row of the table measures; legacy runs are capped, each request takes long. A
     * scenario by query runs on a server that never keeps a rollup snapshot, so that each request
     * runs the windowed rollup query, as the first request after a commit does.
     */
    private record Scenario(
            String name,
            List<String> targets,
            long maxRequests,
            AtomicLong cursor,
            boolean byQuery) {
        Scenario(String name, List<String> targets, long maxRequests) {
            this(name, targets, maxRequests, new AtomicLong(), false);
        }

        Scenario(String name, List<String> targets) {
            this(name, targets, 2_000_000);
        }

        static Scenario byQuery(String name, List<String> targets) {
            return new Scenario(name, targets, 2_000_000, new AtomicLong(), true);
        }
    }

    /** {@code count} windows of {@code days} days, the last one ending on the last day of data. */
    private static List<String> windows(String prefix, int days, int count) {
        List<String> targets = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            LocalDate rhs = LAST.minusDays(k);
            targets.add(prefix + "lhs=" + rhs.minusDays(days - 1) + "&rhs=" + rhs);
        }
        return targets;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
