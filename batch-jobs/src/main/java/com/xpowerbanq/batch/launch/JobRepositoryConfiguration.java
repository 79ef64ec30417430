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
 * partition reads the chain, so parallel partitions never wait on each other for long.
 */
@Configuration(proxyBeanMethods = false)
class JobRepositoryConfiguration {
    static final String FILE = "banq-batch.db";
    static final String SCHEMA = "db/batch-schema-sqlite.sql";

    @Bean
    DataSource dataSource(BanqProperties banq) {
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

    /** The lazy proxy, closing the pool when the context closes. */
    static final class ClosingLazyDataSource extends LazyConnectionDataSourceProxy
            implements AutoCloseable {
        private final HikariDataSource pool;

        ClosingLazyDataSource(HikariDataSource pool) {
            super(pool);
            this.pool = pool;
        }

        @Override
        public void close() {
            pool.close();
        }
    }
}
