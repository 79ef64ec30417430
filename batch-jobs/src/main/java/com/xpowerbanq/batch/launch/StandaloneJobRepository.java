package com.xpowerbanq.batch.launch;

import javax.sql.DataSource;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The job repository as banq-batch opens it (the data source of {@link JobRepositoryConfiguration},
 * on the SQLite file in the state directory), without an application context: for the commands that
 * only read it, such as {@code status}, and for tests and benches.
 */
public class StandaloneJobRepository implements AutoCloseable {
    private final JobRepositoryConfiguration.ClosingLazyDataSource dataSource;
    private final DataSourceTransactionManager transactions;
    private final JobRepository repository;
    private final BanqProperties banq;

    public StandaloneJobRepository(BanqProperties banq) throws Exception {
        this.banq = banq;
        dataSource =
                (JobRepositoryConfiguration.ClosingLazyDataSource)
                        new JobRepositoryConfiguration().dataSource(banq);
        transactions = new DataSourceTransactionManager(dataSource);
        JdbcJobRepositoryFactoryBean factory = new JdbcJobRepositoryFactoryBean();
        factory.setDataSource(dataSource);
        factory.setTransactionManager(transactions);
        if (banq.clustered()) {
            factory.setIsolationLevelForCreateEnum(
                    org.springframework.transaction.annotation.Isolation.READ_COMMITTED);
        }
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

    @Override
    public void close() {
        dataSource.close();
    }
}
