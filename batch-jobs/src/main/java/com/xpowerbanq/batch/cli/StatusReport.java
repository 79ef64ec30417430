package com.xpowerbanq.batch.cli;

import com.xpowerbanq.batch.index.SeriesScanReport;
import com.xpowerbanq.batch.launch.JobNames;
import com.xpowerbanq.batch.status.SeriesProgress;
import com.xpowerbanq.schema.Catalogue;
import com.xpowerbanq.schema.Series;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/** {@code status}: recent executions per job, and the progress recorded in each series database. */
final class StatusReport {
    private static final int RECENT = 5;

    private StatusReport() {}

    /**
     * Recent executions per job, each followed by the host that ran it where {@code hosts} knows it
     * (a cluster of hosts), and the series databases of {@code stateDir}.
     */
    static void print(
            PrintStream out,
            JobRepository repository,
            List<String> jobs,
            Path stateDir,
            LongFunction<Optional<String>> hosts) {
        for (String job : jobs) {
            out.println(job + ":");
            List<JobInstance> instances = repository.getJobInstances(job, 0, RECENT);
            if (instances.isEmpty()) {
                out.println("  no executions");
            }
            for (JobInstance instance : instances) {
                for (JobExecution execution : repository.getJobExecutions(instance)) {
                    long read = 0;
                    long written = 0;
                    List<StepExecution> steps = new ArrayList<>(execution.getStepExecutions());
                    List<SeriesScanReport> series =
                            SeriesScanReport.of(JobNames.seriesStep(job), steps);
                    for (StepExecution step : steps) {
                        if (step.getStepName().startsWith(JobNames.seriesStep(job) + ":")) {
                            read += step.getReadCount();
                            written += step.getWriteCount();
                        }
                    }
                    out.printf(
                            "  execution %d  %-9s started %s  ended %s  read %d  written %d  series %d (%d failed)%s%n",
                            execution.getId(),
                            execution.getStatus(),
                            execution.getStartTime(),
                            execution.getEndTime(),
                            read,
                            written,
                            series.size(),
                            series.stream().filter(s -> s.status().equals("FAILED")).count(),
                            hosts.apply(execution.getId()).map(h -> "  on " + h).orElse(""));
                }
            }
        }
        out.println("series databases in " + stateDir + ":");
        out.printf("  %-22s %10s %12s%n", "series", "rows", "last block");
        int found = 0;
        for (Series series : Catalogue.all()) {
            Path file = stateDir.resolve(series.stateFile());
            if (!Files.exists(file)) {
                continue;
            }
            found++;
            out.printf("  %-22s %s%n", series.instanceId(), describe(file));
        }
        if (found == 0) {
            out.println("  none yet");
        }
    }

    private static String describe(Path file) {
        try {
            SeriesProgress progress = SeriesProgress.read(file, null);
            return String.format("%10d %12s", progress.rows(), progress.lastBlock());
        } catch (SQLException e) {
            return "unreadable: " + e.getMessage();
        }
    }
}
