package com.xpowerbanq.batch.launch;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.sqlite.SQLiteConfig;

/**
 * The job repository's data source: a SQLite file in the state directory, its schema created on
 * first use. SQLite has one writer at a time, so the pool holds one connection, and it is taken
 * lazily: a chunk's transaction holds it only while it writes the step's state, not while the
 * partition reads the chain, so parallel partitions never wait on each other for long. With {@code
 * BANQ_DATABASE_URL} it is a PostgreSQL shared by a cluster of hosts instead ({@link
 * PostgresJobDatabase}).
 */
@Configuration(proxyBeanMethods = false)
public class JobRepositoryConfiguration {
    static final String FILE = "banq-batch.db";
    static final String SCHEMA = "db/batch-schema-sqlite.sql";

    @Bean
    DataSource dataSource(BanqProperties banq) {
        if (banq.database().isPostgres()) {
            return new ClosingLazyDataSource(PostgresJobDatabase.open(banq));
        }
        Path dir = banq.stateDir();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot create the state directory "
                            + dir
                            + " (set --state-dir or BANQ_STATE_DIR)",
                    e);
        }
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setBusyTimeout(60_000);
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl("jdbc:sqlite:" + dir.resolve(FILE));
        hikari.setDataSourceProperties(sqlite.toProperties());
        hikari.setMaximumPoolSize(1);
        hikari.setMinimumIdle(1);
        hikari.setConnectionTimeout(300_000);
        hikari.setPoolName("job-repository");
        HikariDataSource pool = new HikariDataSource(hikari);
        new ResourceDatabasePopulator(new ClassPathResource(SCHEMA)).execute(pool);
        return new ClosingLazyDataSource(pool);
    }

    /** Which host ran each execution, recorded by the {@link JobRunner}'s jobs. */
    @Bean
    ExecutionHosts executionHosts(DataSource dataSource, BanqProperties banq) {
        return new ExecutionHosts(dataSource, banq.host());
    }

    /**
     * The pool behind the job repository's data source: its connections never join a Spring-managed
     * transaction (Quartz's store and the locks manage their own).
     */
    public static DataSource pool(DataSource dataSource) {
        return dataSource instanceof ClosingLazyDataSource lazy ? lazy.pool() : dataSource;
    }

    /** The lazy proxy, closing the pool when the context closes. */
    static final class ClosingLazyDataSource extends LazyConnectionDataSourceProxy
            implements AutoCloseable {
        private final HikariDataSource pool;

        ClosingLazyDataSource(HikariDataSource pool) {
            super(pool);
            this.pool = pool;
        }

        /** The pool itself: connections taken here never join a Spring-managed transaction. */
        public DataSource pool() {
            return pool;
        }

        @Override
        public void close() {
            pool.close();
        }
    }
}
