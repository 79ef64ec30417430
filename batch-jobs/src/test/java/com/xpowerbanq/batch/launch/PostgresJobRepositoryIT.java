package com.xpowerbanq.batch.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.xpowerbanq.batch.cluster.LocalPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The job repository on a real PostgreSQL: the schema made once however many hosts start at once,
 * Spring Batch working on it, and the cluster lock held by one host at a time and freed when its
 * holder's connection ends.
 */
class PostgresJobRepositoryIT {
    @TempDir static Path state;
    static LocalPostgres postgres;

    @BeforeAll
    static void start() {
        postgres = LocalPostgres.start();
    }

    @AfterAll
    static void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }

    private static BanqProperties host(String name, String database) {
        return new BanqProperties(
                state.resolve(name),
                name,
                new JobDatabase(
                        postgres.jdbcUrl(database),
                        LocalPostgres.USER,
                        null,
                        postgres.passwordFile(),
                        4),
                new BanqProperties.ClusterProperties(
                        Duration.ofSeconds(7), Duration.ofSeconds(60)));
    }

    private static RunLock lock(StandaloneJobRepository opened, String name) {
        return RunLock.Locks.of(opened.banq(), opened.dataSource()).acquire(name);
    }

    @Test
    void hostsStartingAtOnceCreateTheSchemaOnce() throws Exception {
        postgres.createDatabase("racing");
        ExecutorService hosts = Executors.newFixedThreadPool(3);
        List<Future<Long>> opened = new ArrayList<>();
        try {
            for (String name : List.of("host-a", "host-b", "host-c")) {
                Callable<Long> open =
                        () -> {
                            try (StandaloneJobRepository repository =
                                    new StandaloneJobRepository(host(name, "racing"))) {
                                JobInstance instance =
                                        repository
                                                .repository()
                                                .createJobInstance(
                                                        "reindex",
                                                        new JobParametersBuilder()
                                                                .addString("host", name)
                                                                .toJobParameters());
                                return instance.getInstanceId();
                            }
                        };
                opened.add(hosts.submit(open));
            }
            for (Future<Long> instance : opened) {
                assertThat(instance.get(120, TimeUnit.SECONDS)).isPositive();
            }
        } finally {
            hosts.shutdownNow();
        }
        try (Connection connection = postgres.connect("racing");
                ResultSet rows =
                        connection
                                .createStatement()
                                .executeQuery(
                                        "SELECT version, success FROM banq_schema_history"
                                                + " ORDER BY installed_rank")) {
            List<String> versions = new ArrayList<>();
            while (rows.next()) {
                assertThat(rows.getBoolean("success")).isTrue();
                versions.add(rows.getString("version"));
            }
            assertThat(versions).containsExactly("1", "2", "3");
        }
    }

    @Test
    void springBatchKeepsItsExecutionsThere() throws Exception {
        try (StandaloneJobRepository repository =
                new StandaloneJobRepository(host("host-a", LocalPostgres.DATABASE))) {
            var jobs = repository.repository();
            var parameters = new JobParametersBuilder().addLong("run", 1L).toJobParameters();
            JobInstance instance = jobs.createJobInstance("retwap", parameters);
            JobExecution execution =
                    jobs.createJobExecution(instance, parameters, new ExecutionContext());
            assertThat(jobs.getLastJobExecution(instance).getId()).isEqualTo(execution.getId());
            assertThat(jobs.findRunningJobExecutions("retwap")).hasSize(1);
        }
    }

    @Test
    void oneHostHoldsAJobsLockUntilItsConnectionEnds() throws Exception {
        try (StandaloneJobRepository a =
                        new StandaloneJobRepository(host("host-a", LocalPostgres.DATABASE));
                StandaloneJobRepository b =
                        new StandaloneJobRepository(host("host-b", LocalPostgres.DATABASE))) {
            var held = lock(a, "reindex");
            assertThatThrownBy(() -> lock(b, "reindex"))
                    .isInstanceOf(JobBusyException.class)
                    .hasMessageContaining("already running on a host of the cluster");
            // another job's lock is free meanwhile
            lock(b, "retwap").close();
            held.close();
            lock(b, "reindex").close();
        }
        // a holder that dies without letting go: its pool closes, the server frees the lock
        StandaloneJobRepository dying =
                new StandaloneJobRepository(host("host-a", LocalPostgres.DATABASE));
        lock(dying, "retwap-watch@host-a");
        dying.close();
        try (StandaloneJobRepository b =
                new StandaloneJobRepository(host("host-b", LocalPostgres.DATABASE))) {
            lock(b, "retwap-watch@host-a").close();
        }
    }
}
