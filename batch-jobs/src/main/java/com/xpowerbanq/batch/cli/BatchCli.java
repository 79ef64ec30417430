package com.xpowerbanq.batch.cli;

import com.xpowerbanq.batch.launch.BanqProperties;
import com.xpowerbanq.batch.launch.JobBusyException;
import com.xpowerbanq.batch.launch.JobNames;
import com.xpowerbanq.batch.launch.JobRunner;
import com.xpowerbanq.batch.launch.JobUsageException;
import com.xpowerbanq.batch.schedule.ScheduleDaemon;
import com.xpowerbanq.schema.Catalogue;
import com.xpowerbanq.schema.Series;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;

/** Executes a parsed command inside the application context and says how it ended. */
public final class BatchCli {
    private final JobRunner runner;
    private final JobRepository repository;
    private final BanqProperties banq;
    private final ConsoleProgress progress;
    private final PrintStream out;
    private final ObjectProvider<ScheduleDaemon> daemon;

    BatchCli(
            JobRunner runner,
            JobRepository repository,
            BanqProperties banq,
            ConsoleProgress progress,
            PrintStream out,
            ObjectProvider<ScheduleDaemon> daemon) {
        this.runner = runner;
        this.repository = repository;
        this.banq = banq;
        this.progress = progress;
        this.out = out;
        this.daemon = daemon;
    }

    private int serve() {
        try {
            daemon.getObject().serve();
            return ExitCode.OK.code;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.OK.code;
        } catch (org.quartz.SchedulerException e) {
            System.err.println("banq-batch: the scheduler failed: " + e.getMessage());
            return ExitCode.INTERNAL.code;
        }
    }

    int execute(Command command) {
        try {
            return switch (command.name()) {
                case "run" -> ended(runner.run(command.arguments().get(0), command.parameters()));
                case "restart" -> ended(runner.restart(Long.parseLong(command.arguments().get(0))));
                case "list" -> list();
                case "status" -> status();
                case "serve" -> serve();
                default -> throw new IllegalStateException("no handler for " + command.name());
            };
        } catch (JobUsageException e) {
            System.err.println("banq-batch: " + e.getMessage());
            return ExitCode.USAGE.code;
        } catch (JobBusyException e) {
            System.err.println("banq-batch: " + e.getMessage());
            return ExitCode.UNAVAILABLE.code;
        } finally {
            progress.finish();
        }
    }

    private int ended(JobExecution execution) {
        progress.finish();
        RunReport.print(out, execution);
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return ExitCode.OK.code;
        }
        ExitCode code = ExitCode.ofFailures(execution.getAllFailureExceptions());
        System.err.printf(
                "banq-batch: %s execution %d ended %s; `banq-batch restart %d` (or the same run command)"
                        + " resumes it%n",
                execution.getJobInstance().getJobName(),
                execution.getId(),
                execution.getStatus(),
                execution.getId());
        return code.code;
    }

    private int list() {
        out.println("jobs:");
        for (String job : runner.jobNames()) {
            out.println("  " + job);
        }
        out.println("series (instance id, state file, API name):");
        for (Series series : Catalogue.all()) {
            out.printf(
                    "  %-20s %-26s %s%n",
                    series.instanceId(), series.stateFile(), series.apiName());
        }
        return ExitCode.OK.code;
    }

    private int status() {
        List<String> jobs = new ArrayList<>(JobNames.indexJobs());
        for (String job : runner.jobNames()) {
            if (!jobs.contains(job)) {
                jobs.add(job);
            }
        }
        StatusReport.print(out, repository, jobs, banq.stateDir());
        return ExitCode.OK.code;
    }
}
