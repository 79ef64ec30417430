package com.xpowerbanq.batch.launch;

import com.xpowerbanq.batch.launch.migration.QuartzJobStoreSchema;
import com.xpowerbanq.batch.launch.migration.SpringBatchSchema;
import com.xpowerbanq.schema.cli.ExitCode;
import com.xpowerbanq.schema.cli.ExitStatus;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.springframework.core.NestedExceptionUtils;

/**
 * The job repository of a cluster of hosts: a pool on the PostgreSQL of {@code BANQ_DATABASE_URL},
 * its schema created or migrated on first use by Flyway: Spring Batch's and Quartz's own PostgreSQL
 * DDL (versions 1 and 2), then the tables and indexes of our own ({@code db/postgresql}). Flyway
 * holds a lock in the database while it migrates, so hosts starting at once create everything
 * exactly once.
 */
final class PostgresJobDatabase {
    /** Connect and query timeouts: a database that does not answer stops the command. */
    static final long CONNECT_TIMEOUT_SECONDS = 10;

    /** The longest wait for an answer to a statement. */
    static final long SOCKET_TIMEOUT_SECONDS = 120;

    private PostgresJobDatabase() {}

    static HikariDataSource open(BanqProperties banq) {
        JobDatabase database = banq.database();
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(database.url());
        if (database.user() != null) {
            hikari.setUsername(database.user());
        }
        String password = database.resolvePassword();
        if (password != null) {
            hikari.setPassword(password);
        }
        hikari.setPoolName("job-repository");
        hikari.setMaximumPoolSize(database.poolSize());
        hikari.setMinimumIdle(1);
        hikari.setConnectionTimeout(CONNECT_TIMEOUT_SECONDS * 1000);
        hikari.addDataSourceProperty("ApplicationName", "banq-batch@" + banq.host());
        hikari.addDataSourceProperty("connectTimeout", CONNECT_TIMEOUT_SECONDS);
        // no statement of ours takes long: a server that stops answering ends the wait
        hikari.addDataSourceProperty("socketTimeout", SOCKET_TIMEOUT_SECONDS);
        // a host that vanishes without closing its connections (power, network) holds its
        // advisory locks until the server notices: keepalives bound that to about half a minute
        hikari.addDataSourceProperty("tcpKeepAlive", true);
        hikari.setConnectionInitSql(
                "SET tcp_keepalives_idle = 10; SET tcp_keepalives_interval = 5;"
                        + " SET tcp_keepalives_count = 3");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hikari);
        } catch (HikariPool.PoolInitializationException e) {
            throw new JobDatabaseUnavailableException(
                    "cannot connect to the job database "
                            + database.describe()
                            + " (BANQ_DATABASE_URL): "
                            + rootMessage(e),
                    e);
        }
        try {
            migrate(pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return pool;
    }

    private static void migrate(HikariDataSource pool) {
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .table("banq_schema_history")
                    .locations("classpath:db/postgresql")
                    .javaMigrations(new SpringBatchSchema(), new QuartzJobStoreSchema())
                    .baselineOnMigrate(false)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new IllegalStateException(
                    "cannot create or migrate the job repository's schema: " + rootMessage(e), e);
        }
    }

    /** The cluster's database does not answer: the command exits UNAVAILABLE (69). */
    static final class JobDatabaseUnavailableException extends IllegalStateException
            implements ExitStatus {
        JobDatabaseUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        public ExitCode exitCode() {
            return ExitCode.UNAVAILABLE;
        }
    }

    private static String rootMessage(Throwable e) {
        return String.valueOf(NestedExceptionUtils.getMostSpecificCause(e).getMessage());
    }
}
