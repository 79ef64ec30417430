package com.xpowerbanq.batch.launch;

import java.nio.file.Path;
import java.util.List;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The job repository as banq-batch opens it, without an application context, in {@code stateDir}:
 * for tests and benches that need many executions quickly.
 */
public final class SqliteJobRepository extends StandaloneJobRepository {

    public SqliteJobRepository(Path stateDir) throws Exception {
        super(new BanqProperties(stateDir));
    }

    /** A job operator on this repository that runs each launch on the caller's thread. */
    public TaskExecutorJobOperator operator() throws Exception {
        TaskExecutorJobOperator operator = new TaskExecutorJobOperator();
        operator.setJobRepository(repository());
        operator.setJobRegistry(new MapJobRegistry());
        operator.setTaskExecutor(new SyncTaskExecutor());
        operator.afterPropertiesSet();
        return operator;
    }

    public Path file() {
        return banq().stateDir().resolve(JobRepositoryConfiguration.FILE);
    }

    /** The names of the indexes banq-batch adds to Spring Batch's tables. */
    public List<String> indexes() {
        return JdbcClient.create(dataSource())
                .sql(
                        "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE"
                                + " 'BATCH\\_%\\_IX' ESCAPE '\\'")
                .query(String.class)
                .list();
    }
}
