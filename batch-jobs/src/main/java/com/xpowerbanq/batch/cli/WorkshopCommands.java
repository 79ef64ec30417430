package com.xpowerbanq.batch.cli;

import com.xpowerbanq.batch.bench.IngestBench;
import com.xpowerbanq.batch.devnet.DevnetCommand;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The hook through which banq-batch still dispatches the workshop commands, {@code devnet} and
 * {@code bench}; it goes when they move to their own modules.
 */
final class WorkshopCommands {
    private WorkshopCommands() {}

    static boolean isDevnet(String[] args) {
        return args.length > 0 && args[0].equals("devnet");
    }

    /** The devnet's flags are its own (its --state-dir is where the chain's files go). */
    static int devnet(String[] args) {
        return DevnetCommand.run(Arrays.copyOfRange(args, 1, args.length), System.getenv());
    }

    @Command(
            name = "devnet",
            description = "local devnet whose activity the keeper jobs send",
            customSynopsis = "banq-batch devnet [--days N] [--port P] [--state-dir DIR]")
    static final class Devnet implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            throw new ParameterException(
                    spec.commandLine(), "devnet takes its own flags: give it first");
        }
    }

    @Command(
            name = "bench",
            description = "ingest benchmark: chunk-16 writer rows/s, backfill blocks/s")
    static final class Bench implements Callable<Integer> {
        @ParentCommand BanqBatchCommand root;
        @Spec CommandSpec spec;

        @Parameters(paramLabel = "rows=N")
        List<String> words = List.of();

        @Override
        public Integer call() {
            return IngestBench.run(
                    KeyValues.parse(spec.commandLine(), words),
                    root.properties().toArray(String[]::new));
        }
    }
}
