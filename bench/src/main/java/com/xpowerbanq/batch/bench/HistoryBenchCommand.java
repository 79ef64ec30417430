package com.xpowerbanq.batch.bench;

import com.xpowerbanq.batch.launch.HistoryLaunchTiming;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench history [--days N] [--launches N]}: a launch through the job runner on a SQLite job
 * repository that holds a year of the production schedule's history, against an empty one.
 */
@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        description = {
            "Builds a job repository with N days of the production schedule's history and times a",
            "launch on it, on the same without indexes, and on an empty one; then the first prune",
            "to 90 days. Last line: launch with a year of history: X ms (empty: Y ms, ratio R)."
        })
public final class HistoryBenchCommand implements Callable<Integer> {
    @Spec private CommandSpec spec;

    @Option(names = "--days", description = "days of history (${DEFAULT-VALUE})")
    private int days = 365;

    @Option(
            names = "--launches",
            description = "timed launches on each repository (${DEFAULT-VALUE})")
    private int launches = 30;

    @Override
    public Integer call() throws Exception {
        if (days < 1 || launches < 1) {
            throw new ParameterException(
                    spec.commandLine(), "--days and --launches take a whole number of at least 1");
        }
        HistoryLaunchTiming.print(System.out, days, launches);
        return 0;
    }
}
