package com.xpowerbanq.batch.schedule;

import com.xpowerbanq.batch.launch.JobRunner;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Launches a scheduled job through the CLI's {@link JobRunner}, which restarts a last execution
 * that failed or stopped with the same parameters (only its unfinished partitions run) and
 * otherwise starts a new instance. So that a series that fails every time (say, a revoked role)
 * cannot hold the others back forever, an instance that has failed {@code maxRestarts} restarts is
 * abandoned and the next fire starts afresh.
 */
public final class ScheduledLauncher {
    private static final Logger log = LoggerFactory.getLogger(ScheduledLauncher.class);

    private final JobRunner runner;
    private final JobRepository repository;
    private final JobOperator operator;
    private final int maxRestarts;

    public ScheduledLauncher(
            JobRunner runner, JobRepository repository, JobOperator operator, int maxRestarts) {
        this.runner = runner;
        this.repository = repository;
        this.operator = operator;
        this.maxRestarts = maxRestarts;
    }

    public boolean knows(String jobName) {
        return runner.jobNames().contains(jobName);
    }

    public JobExecution launch(String jobName, Map<String, String> parameters) throws Exception {
        // in a cluster, an index job's last execution on this host, not another host's
        JobExecution last = runner.lastExecutionHere(jobName);
        if (last != null) {
            int executions = repository.getJobExecutions(last.getJobInstance()).size();
            if (restartable(last.getStatus()) && executions > maxRestarts) {
                log.warn(
                        "{}: execution {} ended {} after {} restart(s); abandoning it, starting afresh",
                        jobName,
                        last.getId(),
                        last.getStatus(),
                        executions - 1);
                operator.abandon(last);
            }
        }
        return runner.run(jobName, parameters);
    }

    /** The running executions of {@code jobName} this launcher started and still runs. */
    public List<JobExecution> running(String jobName) {
        return runner.runningHere(jobName);
    }

    private static boolean restartable(BatchStatus status) {
        return status == BatchStatus.FAILED || status == BatchStatus.STOPPED;
    }
}
