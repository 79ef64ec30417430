package com.xpowerbanq.miner.bench;

import com.xpowerbanq.bench.Bounds;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench miner [--json] [--threads N] [--runs R] [--seconds S]}: the {@link MinerBench}. */
@Command(
        name = "miner",
        mixinStandardHelpOptions = true,
        description = {
            "Hashes/s of the miner's loops (SIMD, scalar), of the straightforward web3j way and of",
            "the original WebAssembly miner, on 1 and N threads. Needs no chain."
        })
public final class MinerBenchCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Option(names = "--json", description = "end with one JSON line of the medians, for scripts")
    private boolean json;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "threads of the multi-threaded runs (default: the cores)")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Option(
            names = "--runs",
            paramLabel = "R",
            description = "timed runs per loop and thread count (default 3)")
    private int runs = 3;

    @Option(names = "--seconds", paramLabel = "S", description = "length of one run (default 2)")
    private double seconds = 2;

    @Override
    public Integer call() throws InterruptedException {
        Bounds.check(spec, "--threads", threads, 1, 1024);
        Bounds.check(spec, "--runs", runs, 1, 1000);
        Bounds.check(spec, "--seconds", seconds, 0.1, 3600);
        new MinerBench(new BenchOptions(json, threads, runs, seconds), System.out, System.err)
                .measure();
        return 0;
    }
}
