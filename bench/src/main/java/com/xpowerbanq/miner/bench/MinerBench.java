package com.xpowerbanq.miner.bench;

import com.xpowerbanq.miner.pow.NonceSearch;
import com.xpowerbanq.miner.pow.VectorSupport;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code bench miner}: hashes per second of the optimised loops (SIMD and scalar), of the
 * straightforward web3j way and of the original WebAssembly miner, on 1 thread and on N threads,
 * several runs each, median with min–max. Needs no chain.
 */
public final class MinerBench {
    private static final int MAX_WARM_SECONDS = 20;
    private final BenchOptions options;
    private final PrintStream out;
    private final PrintStream progress;

    MinerBench(BenchOptions options, PrintStream out, PrintStream progress) {
        this.options = options;
        this.out = out;
        this.progress = progress;
    }

    void measure() throws InterruptedException {
        List<NonceSearch> loops = new ArrayList<>();
        NonceSearch optimised = NonceSearch.fastest();
        loops.add(optimised);
        if (VectorSupport.available()) {
            loops.add(NonceSearch.scalar());
        } else {
            progress.println(
                    "bench: the Vector API is missing (run java with --add-modules"
                            + " jdk.incubator.vector); measuring the scalar loop only");
        }
        NonceSearch naive = new NaiveSearch();
        loops.add(naive);

        LoopTimer timer = new LoopTimer();
        for (NonceSearch loop : loops) {
            progress.printf("bench: warming up %s%n", loop.name());
            NonceSearch.warm(loop, 1 << 17);
            // until a second of hashing is no faster than the one before: compiled for good
            double before = 0;
            for (int second = 0; second < MAX_WARM_SECONDS; second++) {
                double rate = timer.hashesPerSecond(loop, 1, 1);
                if (second >= 1 && rate < before * 1.1) {
                    break;
                }
                before = rate;
            }
        }
        // runs interleave the loops, so that a busy machine slows them alike
        Map<String, List<Double>> runs = new LinkedHashMap<>();
        Map<String, List<Double>> cpuRuns = new LinkedHashMap<>();
        Optional<WasmBench> wasm = WasmBench.locate().map(WasmBench::new);
        String skipped = wasm.isPresent() ? null : "bench/wasm/" + WasmBench.SCRIPT + " not found";
        for (int threads : threadCounts()) {
            for (int run = 1; run <= options.runs(); run++) {
                progress.printf(
                        "bench: run %d of %d on %d thread%s%n",
                        run, options.runs(), threads, threads == 1 ? "" : "s");
                for (NonceSearch loop : loops) {
                    LoopTimer.Measure measure = timer.measure(loop, threads, options.seconds());
                    String key = key(loop.name(), threads);
                    runs.computeIfAbsent(key, k -> new ArrayList<>()).add(measure.wall());
                    cpuRuns.computeIfAbsent(key, k -> new ArrayList<>()).add(measure.cpu());
                }
                if (threads == 1 && wasm.isPresent() && skipped == null) {
                    WasmBench.Result result =
                            wasm.get().run(options.threads(), 1, options.seconds());
                    skipped = result.skipped();
                    for (Rates r : result.rates()) {
                        String key = key(r.loop(), r.threads());
                        runs.computeIfAbsent(key, k -> new ArrayList<>()).add(r.median());
                        List<Double> cpu = cpuRuns.computeIfAbsent(key, k -> new ArrayList<>());
                        if (!Double.isNaN(r.cpuMedian())) {
                            cpu.add(r.cpuMedian());
                        }
                    }
                }
            }
        }
        List<Rates> rates = new ArrayList<>();
        runs.forEach(
                (key, values) -> {
                    String[] parts = key.split("@");
                    rates.add(
                            Rates.of(
                                    parts[0],
                                    Integer.parseInt(parts[1]),
                                    values,
                                    cpuRuns.getOrDefault(key, List.of())));
                });
        rates.sort(
                java.util.Comparator.comparingInt(Rates::threads)
                        .thenComparing(r -> r.loop().startsWith("wasm") ? 1 : 0));

        Rates optimised1 = find(rates, optimised.name(), 1);
        Rates naive1 = find(rates, naive.name(), 1);
        Rates optimisedN = find(rates, optimised.name(), options.threads());
        Rates wasm1 =
                rates.stream()
                        .filter(r -> r.loop().equals(WasmBench.LOOP) && r.threads() == 1)
                        .findFirst()
                        .orElse(null);
        printTable(rates, naive1, wasm1);
        if (skipped != null) {
            out.println("wasm-miner: skipped, " + skipped);
        }
        if (options.json()) {
            out.printf(
                    Locale.ROOT,
                    "{\"threads\": %d, \"optimised_hps_1t\": %.0f, \"naive_hps_1t\": %.0f,"
                            + " \"optimised_hps_nt\": %.0f}%n",
                    options.threads(),
                    optimised1.median(),
                    naive1.median(),
                    optimisedN.median());
        }
    }

    private List<Integer> threadCounts() {
        return options.threads() == 1 ? List.of(1) : List.of(1, options.threads());
    }

    private static String key(String loop, int threads) {
        return loop + "@" + threads;
    }

    private void printTable(List<Rates> rates, Rates naive1, @Nullable Rates wasm1) {
        out.printf(
                Locale.ROOT,
                "banq-miner bench: 84-byte proof-of-work input, %d run%s of %s s, median"
                        + " (min-max); x = per thread against 1 thread of naive / wasm;%n"
                        + "per cpu-s = hashes per CPU second of the hashing threads, which a busy"
                        + " machine does not bend%n",
                options.runs(),
                options.runs() == 1 ? "" : "s",
                options.seconds());
        String format = "%-12s %7s %10s %21s %8s %8s %11s %8s %8s%n";
        out.printf(
                format,
                "loop",
                "threads",
                "hashes/s",
                "min - max",
                "x naive",
                "x wasm",
                "per cpu-s",
                "x naive",
                "x wasm");
        for (Rates r : rates) {
            out.printf(
                    Locale.ROOT,
                    format,
                    r.loop(),
                    r.threads(),
                    mega(r.median()),
                    mega(r.min()) + " - " + mega(r.max()),
                    ratio(r.median(), r.threads(), naive1 == null ? Double.NaN : naive1.median()),
                    ratio(r.median(), r.threads(), wasm1 == null ? Double.NaN : wasm1.median()),
                    mega(r.cpuMedian()),
                    ratio(
                            r.cpuMedian(),
                            r.threads(),
                            naive1 == null ? Double.NaN : naive1.cpuMedian()),
                    ratio(
                            r.cpuMedian(),
                            r.threads(),
                            wasm1 == null ? Double.NaN : wasm1.cpuMedian()));
        }
    }

    /** Per-thread ratio against a one-thread reference rate. */
    private static String ratio(double rate, int threads, double reference) {
        if (Double.isNaN(rate) || Double.isNaN(reference) || reference <= 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2f", rate / threads / reference);
    }

    private static String mega(double rate) {
        if (Double.isNaN(rate)) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2f M", rate / 1e6);
    }

    private static Rates find(List<Rates> rates, String loop, int threads) {
        return rates.stream()
                .filter(r -> r.loop().equals(loop) && r.threads() == threads)
                .findFirst()
                .orElseThrow();
    }
}
