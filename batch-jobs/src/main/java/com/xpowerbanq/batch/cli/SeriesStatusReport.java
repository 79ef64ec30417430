package com.xpowerbanq.batch.cli;

import com.xpowerbanq.batch.launch.JobNames;
import com.xpowerbanq.batch.status.SeriesProgress;
import com.xpowerbanq.schema.Series;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * {@code status SERIES}: one series as {@code systemctl status banq-riw@…} showed it, its database
 * and its last executions across the index and keeper jobs, newest first.
 */
final class SeriesStatusReport {
    /**
     * Job instances looked at per job: a series partition runs in each, so this bounds the list.
     */
    static final int RECENT = 10;

    private SeriesStatusReport() {}

    static void print(PrintStream out, JobRepository repository, Series series, Path stateDir) {
        out.println("series " + series.instanceId() + " (API name " + series.apiName() + ")");
        Path file = stateDir.resolve(series.stateFile());
        out.println("database " + file);
        out.println("  " + describe(file, series));
        List<StepExecution> steps = stepsOf(repository, series);
        out.println("last executions:");
        if (steps.isEmpty()) {
            out.println("  none yet");
        }
        for (StepExecution step : steps) {
            out.printf(
                    "  %-13s execution %d  %-9s started %s  ended %s  read %d  written %d  %s%n",
                    step.getJobExecution().getJobInstance().getJobName(),
                    step.getJobExecutionId(),
                    step.getStatus(),
                    step.getStartTime(),
                    step.getEndTime(),
                    step.getReadCount(),
                    step.getWriteCount(),
                    exitOf(step));
        }
    }

    private static String describe(Path file, Series series) {
        if (!Files.exists(file)) {
            return "not written yet";
        }
        try {
            SeriesProgress progress = SeriesProgress.read(file, series.kind());
            return "rows "
                    + progress.rows()
                    + "  last block "
                    + progress.lastBlock()
                    + "  last event "
                    + Objects.requireNonNullElse(progress.lastEvent(), "none");
        } catch (SQLException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    /** The series' partition in the recent executions of the jobs of its kind. */
    private static List<StepExecution> stepsOf(JobRepository repository, Series series) {
        List<StepExecution> steps = new ArrayList<>();
        for (String job : jobsOf(series)) {
            String step = JobNames.seriesStep(job) + ":" + series.instanceId();
            for (JobInstance instance : repository.getJobInstances(job, 0, RECENT)) {
                for (JobExecution execution : repository.getJobExecutions(instance)) {
                    execution.getStepExecutions().stream()
                            .filter(s -> s.getStepName().equals(step))
                            .forEach(steps::add);
                }
            }
        }
        steps.sort(
                Comparator.comparing(
                                SeriesStatusReport::startOf,
                                Comparator.nullsFirst(Comparator.<LocalDateTime>naturalOrder()))
                        .reversed());
        return steps.subList(0, Math.min(RECENT, steps.size()));
    }

    private static @Nullable LocalDateTime startOf(StepExecution step) {
        return step.getStartTime() != null ? step.getStartTime() : step.getCreateTime();
    }

    private static List<String> jobsOf(Series series) {
        return switch (series.kind()) {
            case RI -> List.of(JobNames.REINDEX_WATCH, JobNames.REINDEX);
            case RT -> List.of(JobNames.RETWAP_WATCH, JobNames.RETWAP);
        };
    }

    /** The exit code and the first line of its description (a failure's is a stack trace). */
    private static String exitOf(StepExecution step) {
        String code = step.getExitStatus().getExitCode();
        String description = step.getExitStatus().getExitDescription();
        if (description == null || description.isBlank()) {
            return code;
        }
        return code + ": " + description.lines().findFirst().orElse("").strip();
    }
}
