package com.xpowerbanq.batch.launch;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Writes executions that ended days before {@code now} through Spring Batch's own {@link
 * JobRepository}, each with two partition steps, as a history for tests of what a prune keeps.
 */
public final class PastExecutions {
    public static final List<String> STEPS = List.of("job.series:A", "job.series:B");

    private final JobRepository repository;
    private final Instant now;
    private int run;

    public PastExecutions(JobRepository repository, Instant now) {
        this.repository = repository;
        this.now = now;
    }

    /** A new instance of {@code job} with one execution that ended {@code daysAgo} as given. */
    public JobInstance instance(String job, BatchStatus status, int daysAgo) {
        run++;
        JobInstance instance =
                repository.createJobInstance(job, StringParameters.of("run", "" + run));
        execution(instance, status, daysAgo);
        return instance;
    }

    /**
     * A further execution of {@code instance} ended {@code daysAgo} with {@code status}; a STARTED
     * one has not ended.
     */
    public JobExecution execution(JobInstance instance, BatchStatus status, int daysAgo) {
        JobExecution execution =
                repository.createJobExecution(
                        instance, StringParameters.of("run", "" + run), new ExecutionContext());
        boolean ended = status != BatchStatus.STARTED;
        LocalDateTime at =
                LocalDateTime.ofInstant(
                        now.minus(Duration.ofDays(daysAgo)), ZoneId.systemDefault());
        execution.setStartTime(at.minusMinutes(1));
        for (String step : STEPS) {
            StepExecution stepExecution = repository.createStepExecution(step, execution);
            stepExecution.setStatus(ended ? BatchStatus.COMPLETED : status);
            stepExecution.setEndTime(ended ? at : null);
            repository.update(stepExecution);
        }
        execution.setStatus(status);
        execution.setEndTime(ended ? at : null);
        repository.update(execution);
        return execution;
    }
}
