package com.xpowerbanq.batch.cli;

import com.xpowerbanq.batch.launch.JobRunner;
import com.xpowerbanq.schema.cli.ExitCode;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/** A run or restart from the command line: launched in its context, reported, and its exit code. */
final class JobLaunch {
    private JobLaunch() {}

    static int launch(List<String> properties, Function<JobRunner, JobExecution> launch) {
        return CommandContext.run(
                properties,
                context -> {
                    ConsoleProgress progress = context.getBean(ConsoleProgress.class);
                    try {
                        JobExecution execution = launch.apply(context.getBean(JobRunner.class));
                        progress.finish();
                        return ended(System.out, execution);
                    } finally {
                        progress.finish();
                    }
                });
    }

    private static int ended(PrintStream out, JobExecution execution) {
        RunReport.print(out, execution);
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return ExitCode.OK.code;
        }
        ExitCode code = RunExitCode.of(execution.getAllFailureExceptions());
        System.err.printf(
                "banq-batch: %s execution %d ended %s; `banq-batch restart %d` (or the same run command)"
                        + " resumes it%n",
                execution.getJobInstance().getJobName(),
                execution.getId(),
                execution.getStatus(),
                execution.getId());
        return code.code;
    }
}
