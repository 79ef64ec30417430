package com.xpowerbanq.batch.cli;

import com.xpowerbanq.batch.launch.JobNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code run <job> [key=value ...]}: checked against the job names before any context starts. */
@Command(
        name = "run",
        description = {
            "run a job; reindex-watch and retwap-watch take series=all|ID[,ID...] window=86400"
                    + " from=-1|-N|BLOCK|deploy to=finalized|latest|BLOCK rescan=false;",
            "reindex and retwap (keeper transactions) take series=all|ID[,ID...] and"
                    + " broadcast=true (-Y; dry run without it), retwap also percent-min=3"
                    + " percent-max=100 amount=1000000000"
        })
final class RunCommand implements Callable<Integer> {
    @ParentCommand BanqBatchCommand root;
    @Spec CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<job>", description = "the job")
    String job;

    @Parameters(index = "1..*", paramLabel = "key=value", description = "the job's parameters")
    List<String> words = List.of();

    @Option(
            names = "-Y",
            description = "broadcast=true: send the keeper's transactions (the original's flag)")
    boolean broadcast;

    @Override
    public Integer call() {
        Map<String, String> parameters = parameters();
        return JobLaunch.launch(root.properties(), runner -> runner.run(job, parameters));
    }

    /** The job's parameters, after checking the job name and the words. */
    Map<String, String> parameters() {
        if (job == null) {
            throw new ParameterException(
                    spec.commandLine(), "run needs a job name, e.g. run reindex-watch");
        }
        List<String> all = new ArrayList<>(words);
        if (broadcast) {
            all.add("broadcast=true");
        }
        Map<String, String> parameters = KeyValues.parse(spec.commandLine(), all);
        if (!JobNames.all().contains(job)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "unknown job '" + job + "': jobs are " + String.join(", ", JobNames.all()));
        }
        return parameters;
    }
}
