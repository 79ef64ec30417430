package com.xpowerbanq.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code bench jmh [regex] [JMH options]}: the JMH micro-benchmarks (the Keccak nonce loops, the
 * chunk-16 writer) in forked JVMs, with JMH's own options ({@code -f 1 -wi 2 -i 3 -rf json}...).
 */
@Command(
        name = "jmh",
        description = {
            "JMH micro-benchmarks: KeccakLoopsBenchmark (scalar and SIMD nonce search),",
            "ChunkWriterBenchmark (chunk-16 SQLite writer). Arguments are JMH's: a regex of",
            "benchmarks, -f forks, -wi/-i iterations, -l to list, -h for JMH's help."
        })
final class JmhCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ARG", description = "JMH's arguments")
    private List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        CommandLineOptions options = new CommandLineOptions(args.toArray(String[]::new));
        if (options.shouldHelp()) {
            options.showHelp();
            return 0;
        }
        if (options.shouldList()) {
            new Runner(options).list();
            return 0;
        }
        new Runner(options).run();
        return 0;
    }
}
