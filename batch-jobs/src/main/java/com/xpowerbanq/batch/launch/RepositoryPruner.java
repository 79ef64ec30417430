package com.xpowerbanq.batch.launch;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes old finished job instances from the job repository through Spring Batch's own {@link
 * JobRepository#deleteJobInstance}, which removes their executions, step executions, parameters and
 * contexts with them. An instance goes only as a whole, and only when its last execution COMPLETED
 * or was ABANDONED before the cutoff: earlier executions of an instance hold the steps a restart
 * skips, and a FAILED or STOPPED last execution can still be restarted ({@code restart ID}), so
 * neither is ever touched. The newest instance of every job stays too: the launcher reads its run
 * number and its restart check from it. Two prunes never run at once (a {@link RunLock}). What
 * other features keep per instance ({@link InstanceRecords}) goes with it.
 */
@Component
public class RepositoryPruner {
    static final String LOCK = "prune";

    /** Instances whose last execution finished for good before the cutoff, but not a job's last. */
    private static final String CANDIDATES =
            """
            SELECT I.JOB_INSTANCE_ID
            FROM BATCH_JOB_INSTANCE I
            JOIN BATCH_JOB_EXECUTION E ON E.JOB_EXECUTION_ID =
                (SELECT MAX(E2.JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION E2
                 WHERE E2.JOB_INSTANCE_ID = I.JOB_INSTANCE_ID)
            WHERE E.STATUS IN ('COMPLETED', 'ABANDONED')
              AND COALESCE(E.END_TIME, E.LAST_UPDATED) < :cutoff
              AND I.JOB_INSTANCE_ID < (SELECT MAX(I2.JOB_INSTANCE_ID) FROM BATCH_JOB_INSTANCE I2
                                       WHERE I2.JOB_NAME = I.JOB_NAME)
            ORDER BY I.JOB_INSTANCE_ID
            """;

    private static final String EXECUTIONS =
            "SELECT count(*) FROM BATCH_JOB_EXECUTION WHERE JOB_INSTANCE_ID = ?";
    private static final String STEPS =
            """
            SELECT count(*) FROM BATCH_STEP_EXECUTION S
            JOIN BATCH_JOB_EXECUTION E ON E.JOB_EXECUTION_ID = S.JOB_EXECUTION_ID
            WHERE E.JOB_INSTANCE_ID = ?
            """;

    private final JobRepository repository;
    private final JdbcClient jdbc;
    private final RunLock.Locks locks;
    private final Clock clock;
    private final List<InstanceRecords> records;

    @Autowired
    RepositoryPruner(
            JobRepository repository,
            DataSource dataSource,
            BanqProperties banq,
            ObjectProvider<InstanceRecords> records) {
        this(repository, dataSource, banq, Clock.systemUTC(), records.orderedStream().toList());
    }

    RepositoryPruner(JobRepository repository, DataSource dataSource, BanqProperties banq) {
        this(repository, dataSource, banq, Clock.systemUTC(), List.of());
    }

    RepositoryPruner(
            JobRepository repository, DataSource dataSource, BanqProperties banq, Clock clock) {
        this(repository, dataSource, banq, clock, List.of());
    }

    /** A pruner that also deletes the {@code records} kept per instance beside Spring Batch's. */
    RepositoryPruner(
            JobRepository repository,
            DataSource dataSource,
            BanqProperties banq,
            Clock clock,
            List<InstanceRecords> records) {
        this.repository = repository;
        this.jdbc = JdbcClient.create(dataSource);
        this.locks = RunLock.Locks.of(banq, dataSource);
        this.clock = clock;
        this.records = List.copyOf(records);
    }

    /**
     * Deletes (or with {@code dryRun} only counts) the instances finished more than {@code
     * olderThan} ago; throws {@link JobBusyException} while another prune runs.
     */
    public PruneReport prune(Duration olderThan, boolean dryRun) {
        return prune(olderThan, dryRun, () -> false);
    }

    /** As {@link #prune(Duration, boolean)}, ending early once {@code stopping} says so. */
    public PruneReport prune(Duration olderThan, boolean dryRun, BooleanSupplier stopping) {
        if (olderThan.isNegative() || olderThan.isZero()) {
            throw new IllegalArgumentException("older-than must be positive, not " + olderThan);
        }
        Instant cutoff = clock.instant().minus(olderThan);
        try (RunLock lock = locks.acquire(LOCK)) {
            List<Long> candidates =
                    jdbc.sql(CANDIDATES)
                            .param("cutoff", Timestamp.from(cutoff))
                            .query(Long.class)
                            .list();
            long instances = 0;
            long executions = 0;
            long steps = 0;
            for (long id : candidates) {
                if (stopping.getAsBoolean()) {
                    break;
                }
                long instanceExecutions = count(EXECUTIONS, id);
                long instanceSteps = count(STEPS, id);
                if (dryRun || delete(id)) {
                    instances++;
                    executions += instanceExecutions;
                    steps += instanceSteps;
                }
            }
            return new PruneReport(cutoff, dryRun, instances, executions, steps);
        }
    }

    private long count(String sql, long instanceId) {
        return jdbc.sql(sql).param(instanceId).query(Long.class).single();
    }

    /** Deletes one instance; false when it is gone or changed since it was selected. */
    private boolean delete(long instanceId) {
        JobInstance instance = repository.getJobInstance(instanceId);
        if (instance == null) {
            return false;
        }
        try {
            repository.deleteJobInstance(instance);
            records.forEach(kept -> kept.deleteInstance(instanceId));
            return true;
        } catch (OptimisticLockingFailureException changed) {
            return false;
        }
    }
}
