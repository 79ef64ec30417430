package com.xpowerbanq.api;

import com.xpowerbanq.schema.Catalogue;
import com.xpowerbanq.schema.Kind;
import com.xpowerbanq.schema.Series;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The API within the production budget: banq-api in its own JVM with the unit's flags (given by the
 * launcher in {@value #FLAGS_ENV}), on both cores and pinned to core 0, measured by our load
 * generator and by wrk; then its resident memory idle and after a load run over all 42 series.
 */
final class BudgetBench {
    /** The banq-api unit's JVM flags; {@code ./banq bench api} reads them from the unit. */
    static final String FLAGS_ENV = "BANQ_API_JAVA_OPTS";

    private static final int CONNECTIONS = 16;
    private static final int DEMO_ROWS = 5_000;

    /** One URL path measured, with its label. */
    record Target(String name, String path) {}

    private final List<String> flags;
    private final Duration perRun;
    private final PrintStream out;

    BudgetBench(@Nullable String flags, Duration perRun, PrintStream out) {
        this.flags =
                flags == null || flags.isBlank()
                        ? List.of()
                        : Arrays.asList(flags.strip().split("\\s+"));
        this.perRun = perRun;
        this.out = out;
    }

    /** Throughput of {@code targets} (the first is /health) over the databases in {@code dir}. */
    void throughput(Path dir, List<Target> targets, int maxRows) throws Exception {
        out.printf(
                "%nbanq-api in its own JVM with %s, %d connections, %d s per run:%n",
                flags.isEmpty()
                        ? "the JVM's defaults ("
                                + FLAGS_ENV
                                + " not set; ./banq bench api sets the unit's flags)"
                        : "the unit's flags " + String.join(" ", flags),
                CONNECTIONS,
                perRun.toSeconds());
        boolean wrk = Wrk.available();
        if (!wrk) {
            out.println("wrk is not installed (apt-get install wrk): its rows are left out");
        }
        out.printf(
                "%-34s %5s %-10s %10s %9s %9s %9s  %s%n",
                "scenario", "cpus", "generator", "req/s", "p50 ms", "p99 ms", "x /health", "load");
        for (String cpus : new String[] {null, "0"}) {
            try (ApiProcess api = ApiProcess.start(flags, cpus, dir, maxRows)) {
                LoadGenerator load = new LoadGenerator(api.port());
                for (Target t : targets) {
                    // warm-up: the JIT, and the snapshot a window is answered from after its first
                    load.run(List.of(t.path()), new AtomicLong(), 4, Duration.ofSeconds(1), 20_000);
                }
                double healthJava = 0;
                double healthWrk = 0;
                for (Target t : targets) {
                    LoadGenerator.Result r =
                            load.run(
                                    List.of(t.path()),
                                    new AtomicLong(),
                                    CONNECTIONS,
                                    perRun,
                                    Long.MAX_VALUE);
                    healthJava = healthJava == 0 ? r.perSecond() : healthJava;
                    row(
                            t.name(),
                            cpus,
                            "java",
                            r.perSecond(),
                            r.percentileMillis(50),
                            r.percentileMillis(99),
                            r.perSecond() / healthJava);
                    if (wrk) {
                        // pinned: the API on core 0, wrk on core 1
                        Wrk.Result w =
                                Wrk.run(
                                        "http://127.0.0.1:" + api.port() + t.path(),
                                        CONNECTIONS,
                                        perRun,
                                        cpus == null ? null : "1");
                        healthWrk = healthWrk == 0 ? w.perSecond() : healthWrk;
                        row(
                                t.name(),
                                cpus,
                                "wrk",
                                w.perSecond(),
                                w.p50Millis(),
                                w.p99Millis(),
                                w.perSecond() / healthWrk);
                    }
                }
            }
        }
    }

    private void row(
            String name,
            @Nullable String cpus,
            String generator,
            double perSecond,
            double p50,
            double p99,
            double ofHealth) {
        out.printf(
                "%-34s %5s %-10s %10.0f %9.3f %9.3f %9.2f  %.2f%n",
                name,
                cpus == null ? "all" : cpus,
                generator,
                perSecond,
                p50,
                p99,
                ofHealth,
                ApiBenchmark.loadAverage());
    }

    /**
     * Resident memory of the API over one database per series of the catalogue (42, {@value
     * #DEMO_ROWS} events each over the year before {@code last}): idle, and after a load run that
     * asks each for its year window.
     */
    void memory(Path dir, LocalDate last, int maxRows) throws Exception {
        Path demo = Files.createDirectories(dir.resolve("series-42"));
        List<String> targets = new ArrayList<>();
        LocalDate first = last.minusDays(364);
        for (Series series : Catalogue.all()) {
            String name = series.apiName();
            BenchDatabases.write(
                    demo.resolve(name + ".db"), series.kind(), false, DEMO_ROWS, first, last);
            String route = series.kind() == Kind.RI ? "daily_average" : "daily_ohlc";
            targets.add("/" + name + "/" + route + ".json?lhs=" + first + "&rhs=" + last);
        }
        try (ApiProcess api = ApiProcess.start(flags, null, demo, maxRows)) {
            LoadGenerator load = new LoadGenerator(api.port());
            load.run(List.of("/health"), new AtomicLong(), 1, Duration.ofSeconds(1), 10);
            Thread.sleep(2_000); // let start-up settle
            double idle = api.residentMiB();
            LoadGenerator.Result r =
                    load.run(
                            targets,
                            new AtomicLong(),
                            CONNECTIONS,
                            perRun.multipliedBy(2),
                            Long.MAX_VALUE);
            double after = api.residentMiB();
            out.printf(
                    "%nbanq-api memory (resident, its own JVM, %s): %.0f MiB idle, %.0f MiB after %d"
                            + " requests over the year windows of %d series databases (%d errors);"
                            + " load average %.2f%n",
                    flags.isEmpty() ? "the JVM's defaults" : "the unit's flags",
                    idle,
                    after,
                    r.requests(),
                    targets.size(),
                    r.errors(),
                    ApiBenchmark.loadAverage());
        }
    }
}
