package com.xpowerbanq.miner.bench;

import com.xpowerbanq.miner.pow.NonceSearch;
import com.xpowerbanq.miner.pow.VectorSupport;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code banq-miner bench}: hashes per second of the optimised loops (SIMD and scalar), of the
 * straightforward web3j way and of the original WebAssembly miner, on 1 thread and on N threads,
 * several runs each, median with min–max. Needs no chain.
 */
public final class MinerBench {
    private final BenchOptions options;
    private final PrintStream out;
    private final PrintStream progress;

    MinerBench(BenchOptions options, PrintStream out, PrintStream progress) {
        this.options = options;
        this.out = out;
        this.progress = progress;
    }

    /** Runs the bench; returns the exit status. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (BenchOptions.UsageException e) {
            err.println("banq-miner bench: " + e.getMessage());
            err.println(BenchOptions.USAGE);
            return 64;
        }
        try {
            new MinerBench(options, out, err).measure();
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 70;
        }
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
        List<Rates> rates = new ArrayList<>();
        for (NonceSearch loop : loops) {
            progress.printf("bench: warming up %s%n", loop.name());
            timer.hashesPerSecond(loop, 1, Math.max(2, options.seconds()));
        }
        for (int threads : threadCounts()) {
            for (NonceSearch loop : loops) {
                progress.printf(
                        "bench: %s on %d thread%s, %d runs of %s s%n",
                        loop.name(),
                        threads,
                        threads == 1 ? "" : "s",
                        options.runs(),
                        options.seconds());
                List<Double> runs = new ArrayList<>();
                for (int run = 0; run < options.runs(); run++) {
                    runs.add(timer.hashesPerSecond(loop, threads, options.seconds()));
                }
                rates.add(Rates.of(loop.name(), threads, runs));
            }
        }
        Optional<WasmBench.Result> wasm = wasm();
        wasm.ifPresent(result -> rates.addAll(result.rates()));

        Rates optimised1 = find(rates, optimised.name(), 1);
        Rates naive1 = find(rates, naive.name(), 1);
        Rates optimisedN = find(rates, optimised.name(), options.threads());
        Rates wasm1 =
                wasm.flatMap(r -> r.rates().stream().filter(x -> x.threads() == 1).findFirst())
                        .orElse(null);
        printTable(rates, naive1, wasm1);
        wasm.filter(r -> r.skipped() != null)
                .ifPresent(r -> out.println("wasm-miner: skipped, " + r.skipped()));
        if (wasm.isEmpty()) {
            out.println("wasm-miner: skipped, miner/bench/" + WasmBench.SCRIPT + " not found");
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

    private Optional<WasmBench.Result> wasm() {
        return WasmBench.locate()
                .map(
                        dir -> {
                            progress.printf(
                                    "bench: wasm-miner (node %s) on 1 and %d threads%n",
                                    WasmBench.SCRIPT, options.threads());
                            return new WasmBench(dir)
                                    .run(options.threads(), options.runs(), options.seconds());
                        });
    }

    private void printTable(List<Rates> rates, Rates naive1, Rates wasm1) {
        out.printf(
                Locale.ROOT,
                "banq-miner bench: 84-byte proof-of-work input, %d runs of %s s, median"
                        + " (min-max)%n",
                options.runs(),
                options.seconds());
        out.printf(
                "%-12s %7s %12s %25s %9s %9s%n",
                "loop", "threads", "hashes/s", "min - max", "x naive", "x wasm");
        for (Rates r : rates) {
            out.printf(
                    Locale.ROOT,
                    "%-12s %7d %12s %25s %9s %9s%n",
                    r.loop(),
                    r.threads(),
                    mega(r.median()),
                    mega(r.min()) + " - " + mega(r.max()),
                    ratio(r, naive1),
                    ratio(r, wasm1));
        }
    }

    /** Per-thread ratio against a one-thread reference. */
    private static String ratio(Rates r, Rates reference) {
        if (reference == null || reference.median() <= 0) {
            return "-";
        }
        double perThread = r.median() / r.threads();
        return String.format(Locale.ROOT, "%.2f", perThread / reference.median());
    }

    private static String mega(double rate) {
        return String.format(Locale.ROOT, "%.2f M", rate / 1e6);
    }

    private static Rates find(List<Rates> rates, String loop, int threads) {
        return rates.stream()
                .filter(r -> r.loop().equals(loop) && r.threads() == threads)
                .findFirst()
                .orElseThrow();
    }
}
