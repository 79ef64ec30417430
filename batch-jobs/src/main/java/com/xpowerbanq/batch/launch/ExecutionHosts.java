package com.xpowerbanq.batch.launch;

import java.util.Optional;
import java.util.function.LongFunction;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which host ran each job execution (table {@code BANQ_EXECUTION_HOST}), written as the execution
 * starts, before any step, so that {@code status} names the host even of an execution whose process
 * was killed. A restart on another host records that host for its own execution.
 */
public final class ExecutionHosts implements JobExecutionListener, InstanceRecords {
    private final JdbcTemplate jdbc;
    private final String host;

    public ExecutionHosts(DataSource dataSource, String host) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.host = host;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        jdbc.update(
                "INSERT INTO BANQ_EXECUTION_HOST (JOB_EXECUTION_ID, HOST) VALUES (?, ?) "
                        + "ON CONFLICT (JOB_EXECUTION_ID) DO UPDATE SET HOST = excluded.HOST",
                execution.getId(),
                host);
    }

    /**
     * Who ran each execution, for {@code status} and the status page: named in a cluster of hosts,
     * never on one host (where it goes without saying).
     */
    public static HostView namedIn(BanqProperties banq, DataSource dataSource) {
        if (!banq.clustered()) {
            return new HostView(null, id -> Optional.empty());
        }
        return new HostView(banq.host(), new ExecutionHosts(dataSource, banq.host())::hostOf);
    }

    /**
     * The hosts of executions as one host sees them: {@code thisHost} in a cluster (null on one
     * host) and who ran each execution.
     */
    public record HostView(@Nullable String thisHost, LongFunction<Optional<String>> hostOf) {
        /** Whether {@code execution} indexed another host's series databases. */
        public boolean anotherHostsIndexing(JobExecution execution) {
            String indexed = execution.getJobParameters().getString(JobNames.HOST);
            return thisHost != null && indexed != null && !indexed.equals(thisHost);
        }
    }

    /** Forgets the hosts of executions the pruned instance took with it. */
    @Override
    public void deleteInstance(long jobInstanceId) {
        jdbc.update(
                "DELETE FROM BANQ_EXECUTION_HOST WHERE JOB_EXECUTION_ID NOT IN"
                        + " (SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION)");
    }

    /** The host that ran execution {@code id}, if recorded. */
    public Optional<String> hostOf(long id) {
        return jdbc
                .queryForList(
                        "SELECT HOST FROM BANQ_EXECUTION_HOST WHERE JOB_EXECUTION_ID = ?",
                        String.class,
                        id)
                .stream()
                .findFirst();
    }
}
