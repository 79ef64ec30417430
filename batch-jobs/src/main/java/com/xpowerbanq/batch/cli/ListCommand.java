package com.xpowerbanq.batch.cli;

import com.xpowerbanq.batch.launch.JobNames;
import com.xpowerbanq.schema.Catalogue;
import com.xpowerbanq.schema.Series;
import com.xpowerbanq.schema.cli.ExitCode;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code list}: the jobs and the series catalogue, with no application context. {@code
 * infra/bin/banq-link.sh} reads the series lines for the names it links.
 */
@Command(name = "list", description = "jobs and series")
final class ListCommand implements Callable<Integer> {
    @Mixin NoArguments none;

    @Override
    public Integer call() {
        none.check();
        print(System.out);
        return ExitCode.OK.code;
    }

    static void print(PrintStream out) {
        out.println("jobs:");
        for (String job : JobNames.all()) {
            out.println("  " + job);
        }
        out.println("series (instance id, state file, API name):");
        for (Series series : Catalogue.all()) {
            out.printf(
                    "  %-20s %-26s %s%n",
                    series.instanceId(), series.stateFile(), series.apiName());
        }
    }
}
