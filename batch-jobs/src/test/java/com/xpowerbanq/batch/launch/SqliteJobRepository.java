package com.xpowerbanq.batch.launch;

import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The job repository as banq-batch opens it (the data source of {@link JobRepositoryConfiguration},
 * on a SQLite file in {@code stateDir}), without an application context: for tests and benches that
 * need many executions quickly.
 */
public final class SqliteJobRepository implements AutoCloseable {
    private final JobRepositoryConfiguration.ClosingLazyDataSource dataSource;
    private final DataSourceTransactionManager transactions;
    private final JobRepository repository;
    private final BanqProperties banq;

    public SqliteJobRepository(Path stateDir) throws Exception {
        banq = new BanqProperties(stateDir);
        dataSource =
                (JobRepositoryConfiguration.ClosingLazyDataSource)
                        new JobRepositoryConfiguration().dataSource(banq);
        transactions = new DataSourceTransactionManager(dataSource);
        JdbcJobRepositoryFactoryBean factory = new JdbcJobRepositoryFactoryBean();
        factory.setDataSource(dataSource);
        factory.setTransactionManager(transactions);
        factory.afterPropertiesSet();
        repository = factory.getObject();
    }

    public JobRepository repository() {
        return repository;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public DataSourceTransactionManager transactions() {
        return transactions;
    }

    public BanqProperties banq() {
        return banq;
    }

    public Path file() {
        return banq.stateDir().resolve(JobRepositoryConfiguration.FILE);
    }

    /** The names of the indexes banq-batch adds to Spring Batch's tables. */
    public List<String> indexes() {
        return JdbcClient.create(dataSource)
                .sql(
                        "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE"
                                + " 'BATCH\\_%\\_IX' ESCAPE '\\'")
                .query(String.class)
                .list();
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
