package com.xpowerbanq.batch.cli;

import com.xpowerbanq.batch.launch.BanqProperties;
import com.xpowerbanq.batch.launch.ExecutionHosts;
import com.xpowerbanq.batch.launch.JobNames;
import com.xpowerbanq.batch.launch.StandaloneJobRepository;
import com.xpowerbanq.schema.Catalogue;
import com.xpowerbanq.schema.Series;
import com.xpowerbanq.schema.SeriesNameException;
import com.xpowerbanq.schema.cli.ExitCode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.batch.core.repository.JobRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code status}: recent executions per job (index jobs first), progress per series database; with
 * a series (instance id or API name), that series' database and its last executions.
 */
@Command(
        name = "status",
        description =
                "recent executions per job, progress per series database; status SERIES: one"
                        + " series' database and last executions")
final class StatusCommand implements Callable<Integer> {
    @ParentCommand BanqBatchCommand root;
    @Spec CommandSpec command;

    @Parameters(
            paramLabel = "SERIES",
            arity = "0..*",
            description = "one series, by instance id (APOW:supply:P000) or API name")
    List<String> given = List.of();

    @Option(
            names = "--json",
            description =
                    "the daemon's status page as JSON: every series with its lag and last keeper"
                            + " transaction, the schedules, the last 24 h of executions")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (json) {
            if (!given.isEmpty()) {
                throw new ParameterException(
                        command.commandLine(), "status --json takes no series, got " + given);
            }
            StatusJson.print(System.out, root.properties());
            return ExitCode.OK.code;
        }
        Series series = given.isEmpty() ? null : series();
        // status only reads the job repository: no application context, so it answers at once
        BanqProperties banq =
                Settings.of(root.properties()).withLogging().bind("banq", BanqProperties.class);
        try (StandaloneJobRepository opened = new StandaloneJobRepository(banq)) {
            JobRepository repository = opened.repository();
            if (series == null) {
                StatusReport.print(
                        System.out,
                        repository,
                        jobs(),
                        banq.stateDir(),
                        ExecutionHosts.namedIn(banq, opened.dataSource()));
            } else {
                SeriesStatusReport.print(System.out, repository, series, banq.stateDir());
            }
        }
        return ExitCode.OK.code;
    }

    /** The one series asked for; anything else keeps the words of the original CLI. */
    private Series series() {
        String usage =
                "status takes no arguments, got " + given + "; status SERIES takes one series";
        if (given.size() > 1) {
            throw new ParameterException(command.commandLine(), usage);
        }
        try {
            return Catalogue.fromName(given.getFirst());
        } catch (SeriesNameException e) {
            throw new ParameterException(
                    command.commandLine(),
                    usage + ": " + e.getMessage() + "; `banq batch list` shows every series");
        }
    }

    private static List<String> jobs() {
        List<String> jobs = new ArrayList<>(JobNames.indexJobs());
        JobNames.all().stream().filter(job -> !jobs.contains(job)).forEach(jobs::add);
        return jobs;
    }
}
