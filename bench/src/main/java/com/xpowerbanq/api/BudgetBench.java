package com.xpowerbanq.api;

import com.xpowerbanq.schema.Catalogue;
import com.xpowerbanq.schema.Kind;
import com.xpowerbanq.schema.Series;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
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
    private static final int ROUNDS = 3;

    /** One URL path measured, with its label. */
    record Target(String name, String path) {}

    private final List<String> flags;
    private final Duration perRun;
    private final PrintStream out;
    private final @Nullable URI against;

    /**
     * @param against the base URL of another API server already listening on loopback over the same
     *     databases (the original Go server, say), measured by wrk in turn with ours; or null
     */
    BudgetBench(@Nullable String flags, Duration perRun, PrintStream out, @Nullable URI against) {
        this.against = against;
        this.flags =
                flags == null || flags.isBlank()
                        ? List.of()
                        : Arrays.asList(flags.strip().split("\\s+"));
        this.perRun = perRun;
        this.out = out;
    }

    /**
     * Throughput of {@code targets} (the first is /health) over the databases in {@code dir}: each
     * target in turn, {@value #ROUNDS} rounds, medians; a busy machine bends rounds, not ratios.
     */
    void throughput(Path dir, List<Target> targets, int maxRows) throws Exception {
        out.printf(
                "%nbanq-api in its own JVM with %s, %d connections, %d rounds of %d s per target"
                        + " and generator (medians; wrk on core 1 when the API is on core 0):%n",
                flags.isEmpty()
                        ? "the JVM's defaults ("
                                + FLAGS_ENV
                                + " not set; ./banq bench api sets the unit's flags)"
                        : "the unit's flags " + String.join(" ", flags),
                CONNECTIONS,
                ROUNDS,
                perRun.toSeconds());
        List<String> generators = new ArrayList<>(List.of("java"));
        if (Wrk.available()) {
            generators.add("wrk");
        } else {
            out.println("wrk is not installed (apt-get install wrk): its rows are left out");
        }
        out.printf(
                "%-34s %5s %-9s %10s %9s %11s %9s  %s%n",
                "scenario",
                "cpus",
                "generator",
                "req/s",
                "p99 ms",
                "cpu us/req",
                "x /health",
                "load");
        for (String cpus : new String[] {null, "0"}) {
            try (ApiProcess api = ApiProcess.start(flags, cpus, dir, maxRows)) {
                LoadGenerator load = new LoadGenerator(api.port());
                for (Target t : targets) {
                    // warm-up: the JIT, and the snapshot a window is answered from after its first
                    load.run(List.of(t.path()), new AtomicLong(), 4, Duration.ofSeconds(1), 20_000);
                }
                for (String generator : generators) {
                    boolean other = against != null && generator.equals("wrk");
                    List<double[]> rounds = new ArrayList<>(); // per round: per target, 3 figures
                    List<double[]> otherRounds = new ArrayList<>(); // the other server's, 2 each
                    boolean[] silent = new boolean[targets.size()];
                    for (int round = 0; round < ROUNDS; round++) {
                        double[] figures = new double[targets.size() * 3];
                        double[] otherFigures = new double[targets.size() * 2];
                        for (int i = 0; i < targets.size(); i++) {
                            long cpu0 = api.cpuMicros();
                            double[] run = run(api, load, generator, targets.get(i), cpus);
                            figures[3 * i] = run[0];
                            figures[3 * i + 1] = run[1];
                            figures[3 * i + 2] = (api.cpuMicros() - cpu0) / run[2];
                            if (other && !silent[i]) { // in turn with ours: the same load
                                Wrk.Result w = wrk(against + targets.get(i).path(), cpus);
                                otherFigures[2 * i] = w.perSecond();
                                otherFigures[2 * i + 1] = w.p99Millis();
                                if (w.perSecond() == 0) {
                                    // it answered nothing in time and may still be working on
                                    // what wrk gave up on: let that end, and ask it no more
                                    silent[i] = true;
                                    Thread.sleep(perRun.multipliedBy(2));
                                }
                            }
                        }
                        rounds.add(figures);
                        otherRounds.add(otherFigures);
                    }
                    double health = median(rounds, 0);
                    for (int i = 0; i < targets.size(); i++) {
                        out.printf(
                                "%-34s %5s %-9s %10.0f %9.3f %11.1f %9.2f  %.2f%n",
                                targets.get(i).name(),
                                cpus == null ? "all" : cpus,
                                generator,
                                median(rounds, 3 * i),
                                median(rounds, 3 * i + 1),
                                median(rounds, 3 * i + 2),
                                median(rounds, 3 * i) / health,
                                ApiBenchmark.loadAverage());
                    }
                    if (other) {
                        printOther(targets, cpus, otherRounds, rounds);
                    }
                }
            }
        }
    }

    /** The other server's rows, and ours against its, target by target. */
    private void printOther(
            List<Target> targets,
            @Nullable String cpus,
            List<double[]> otherRounds,
            List<double[]> rounds) {
        double health = median(otherRounds, 0);
        StringBuilder ours = new StringBuilder();
        for (int i = 0; i < targets.size(); i++) {
            double perSecond = median(otherRounds, 2 * i);
            out.printf(
                    "%-34s %5s %-9s %10.0f %9.3f %11s %9.2f  %.2f%n",
                    "other: " + targets.get(i).name(),
                    cpus == null ? "all" : cpus,
                    "wrk",
                    perSecond,
                    median(otherRounds, 2 * i + 1),
                    "-",
                    perSecond / health,
                    ApiBenchmark.loadAverage());
            ours.append(i == 0 ? "" : ", ").append(targets.get(i).name()).append(' ');
            ours.append(
                    perSecond > 0
                            ? "%.2f".formatted(median(rounds, 3 * i) / perSecond)
                            : "- (the other answered nothing within wrk's timeout)");
        }
        out.printf("ours / other (req/s, medians): %s%n", ours);
    }

    /** One run: requests/s, p99 ms, requests. */
    private double[] run(
            ApiProcess api, LoadGenerator load, String generator, Target t, @Nullable String cpus)
            throws Exception {
        if (generator.equals("wrk")) {
            Wrk.Result w = wrk("http://127.0.0.1:" + api.port() + t.path(), cpus);
            return new double[] {w.perSecond(), w.p99Millis(), w.requests()};
        }
        LoadGenerator.Result r =
                load.run(List.of(t.path()), new AtomicLong(), CONNECTIONS, perRun, Long.MAX_VALUE);
        return new double[] {r.perSecond(), r.percentileMillis(99), r.requests()};
    }

    /** wrk against {@code url}, on core 1 when the API runs on {@code cpus}. */
    private Wrk.Result wrk(String url, @Nullable String cpus)
            throws IOException, InterruptedException {
        return Wrk.run(url, CONNECTIONS, perRun, cpus == null ? null : "1");
    }

    private static double median(List<double[]> rounds, int column) {
        double[] values = rounds.stream().mapToDouble(r -> r[column]).sorted().toArray();
        return values[values.length / 2];
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
            // every database opened once, then the load
            load.run(targets, new AtomicLong(), 1, Duration.ofSeconds(60), targets.size());
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
