package com.xpowerbanq.batch.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Launches a scheduled job by name and waits for it: a last execution that failed or was stopped is
 * restarted (it resumes where it ended; partitions that completed are not run again), up to {@code
 * maxRestarts} times per instance; otherwise a new instance starts with the schedule's parameters
 * plus the fire time ({@code fired}, identifying) and the trigger kind ({@code trigger}: cron or
 * missed).
 */
public final class ScheduledLauncher {
    public static final String FIRED = "fired";
    public static final String TRIGGER = "trigger";

    private static final Logger log = LoggerFactory.getLogger(ScheduledLauncher.class);

    private final JobOperator operator;
    private final JobRepository repository;
    private final Map<String, Job> jobs;
    private final int maxRestarts;

    public ScheduledLauncher(
            JobOperator operator, JobRepository repository, List<Job> jobs, int maxRestarts) {
        this.operator = operator;
        this.repository = repository;
        this.jobs = jobs.stream().collect(Collectors.toMap(Job::getName, Function.identity()));
        this.maxRestarts = maxRestarts;
    }

    public boolean knows(String jobName) {
        return jobs.containsKey(jobName);
    }

    public JobExecution launch(
            String jobName, Map<String, String> parameters, Instant fired, String trigger)
            throws Exception {
        Job job = jobs.get(jobName);
        if (job == null) {
            throw new IllegalStateException(
                    "no job named '" + jobName + "' (known: " + jobs.keySet() + ")");
        }
        JobInstance lastInstance = repository.getLastJobInstance(jobName);
        if (lastInstance != null) {
            JobExecution last = repository.getLastJobExecution(lastInstance);
            if (last != null && restartable(last.getStatus())) {
                int executions = repository.getJobExecutions(lastInstance).size();
                if (executions <= maxRestarts) {
                    log.info(
                            "{}: last execution {} ended {}, restarting it (attempt {} of {})",
                            jobName,
                            last.getId(),
                            last.getStatus(),
                            executions,
                            maxRestarts);
                    return operator.restart(last);
                }
                log.warn(
                        "{}: execution {} ended {} after {} restart(s); starting afresh",
                        jobName,
                        last.getId(),
                        last.getStatus(),
                        executions - 1);
            }
        }
        return operator.start(job, parameters(parameters, fired, trigger));
    }

    static JobParameters parameters(Map<String, String> parameters, Instant fired, String trigger) {
        JobParametersBuilder builder = new JobParametersBuilder();
        parameters.forEach((name, value) -> builder.addString(name, value));
        builder.addString(FIRED, fired.toString(), true);
        builder.addString(TRIGGER, trigger, false);
        return builder.toJobParameters();
    }

    private static boolean restartable(BatchStatus status) {
        return status == BatchStatus.FAILED || status == BatchStatus.STOPPED;
    }
}
