package com.xpowerbanq.bench;

import com.xpowerbanq.api.ApiBenchCommand;
import com.xpowerbanq.batch.bench.HistoryBenchCommand;
import com.xpowerbanq.batch.bench.IngestBenchCommand;
import com.xpowerbanq.miner.bench.MinerBenchCommand;
import com.xpowerbanq.schema.cli.Cli;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./banq bench ingest|history|api|miner|jmh [args]}: every benchmark of banq-srv behind one
 * command line. Benchmarks print figures; they assert nothing.
 */
@Command(
        name = "banq bench",
        mixinStandardHelpOptions = true,
        version = "banq bench 1.0",
        description = "Measures banq-srv: ingest, API, miner, and the JMH micro-benchmarks.",
        subcommands = {
            IngestBenchCommand.class,
            HistoryBenchCommand.class,
            ApiBenchCommand.class,
            MinerBenchCommand.class,
            JmhCommand.class
        })
public final class BenchMain {
    private BenchMain() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Parses and runs a benchmark; returns the exit code. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine line = Cli.commandLine(new BenchMain());
        // their arguments are another program's: Spring properties, JMH's own flags
        line.getSubcommands().get("ingest").setUnmatchedOptionsArePositionalParams(true);
        line.getSubcommands().get("jmh").setUnmatchedOptionsArePositionalParams(true);
        return line;
    }
}
