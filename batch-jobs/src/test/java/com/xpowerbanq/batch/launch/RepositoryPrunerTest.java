package com.xpowerbanq.batch.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;

class RepositoryPrunerTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final Duration NINETY_DAYS = Duration.ofDays(90);

    @TempDir Path state;
    private SqliteJobRepository sqlite;
    private JobRepository repository;
    private RepositoryPruner pruner;
    private PastExecutions history;

    @BeforeEach
    void openRepository() throws Exception {
        sqlite = new SqliteJobRepository(state);
        repository = sqlite.repository();
        history = new PastExecutions(repository, NOW);
        pruner =
                new RepositoryPruner(
                        repository,
                        sqlite.dataSource(),
                        sqlite.banq(),
                        Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void closeRepository() {
        sqlite.close();
    }

    private JobInstance instance(String job, BatchStatus status, int daysAgo) {
        return history.instance(job, status, daysAgo);
    }

    private void execution(JobInstance instance, BatchStatus status, int daysAgo) {
        history.execution(instance, status, daysAgo);
    }

    private boolean exists(JobInstance instance) {
        return repository.getJobInstance(instance.getInstanceId()) != null;
    }

    @Test
    void pruneDeletesOnlyOldFinishedInstancesThatNoLaunchOrRestartNeeds() {
        // given: reindex with an old completed run, an old abandoned one and a recent last one
        JobInstance oldCompleted = instance("reindex", BatchStatus.COMPLETED, 120);
        JobInstance oldAbandoned = instance("reindex", BatchStatus.ABANDONED, 100);
        JobInstance recent = instance("reindex", BatchStatus.COMPLETED, 10);
        // retwap: an old failed (restartable), an old stopped (restartable), a run still going,
        // an instance that failed and was restarted to completion, and a recent last one
        JobInstance oldFailed = instance("retwap", BatchStatus.FAILED, 200);
        JobInstance oldStopped = instance("retwap", BatchStatus.STOPPED, 150);
        JobInstance running = instance("retwap", BatchStatus.STARTED, 130);
        JobInstance restarted = instance("retwap", BatchStatus.FAILED, 125);
        execution(restarted, BatchStatus.COMPLETED, 124);
        JobInstance retwapLast = instance("retwap", BatchStatus.COMPLETED, 1);
        // retwap-watch: one run only, long ago, the job's last
        JobInstance onlyWatch = instance("retwap-watch", BatchStatus.COMPLETED, 300);

        // when
        PruneReport report = pruner.prune(NINETY_DAYS, false);

        // then: three instances with four executions, two steps each
        assertThat(report).isEqualTo(new PruneReport(NOW.minus(NINETY_DAYS), false, 3, 4, 8));
        assertThat(List.of(oldCompleted, oldAbandoned, restarted)).noneMatch(this::exists);
        assertThat(List.of(recent, oldFailed, oldStopped, running, retwapLast, onlyWatch))
                .allMatch(this::exists);
        assertThat(repository.getLastJobExecution(oldFailed).getStepExecutions()).hasSize(2);
        assertThat(repository.findRunningJobExecutions("retwap")).hasSize(1);
        assertThat(report.summary())
                .isEqualTo(
                        "deleted 3 job instances, 4 job executions, 8 step executions finished"
                                + " before 2026-09-02T12:00:00Z");
    }

    @Test
    void dryRunCountsWhatAPruneWouldDeleteAndDeletesNothing() {
        // given
        JobInstance old = instance("reindex", BatchStatus.COMPLETED, 100);
        instance("reindex", BatchStatus.COMPLETED, 95);

        // when
        PruneReport report = pruner.prune(NINETY_DAYS, true);

        // then
        assertThat(report.instances()).isEqualTo(1);
        assertThat(report.summary()).startsWith("would delete 1 job instances, 1 job executions");
        assertThat(exists(old)).isTrue();
        assertThat(pruner.prune(NINETY_DAYS, false).instances()).isEqualTo(1);
        assertThat(exists(old)).isFalse();
    }

    @Test
    void aRecentCutoffStillKeepsEachJobsLastInstance() {
        // given
        JobInstance first = instance("reindex-watch", BatchStatus.COMPLETED, 3);
        JobInstance last = instance("reindex-watch", BatchStatus.COMPLETED, 2);

        // when
        PruneReport report = pruner.prune(Duration.ofHours(1), false);

        // then
        assertThat(report.instances()).isEqualTo(1);
        assertThat(exists(first)).isFalse();
        assertThat(exists(last)).isTrue();
        assertThat(repository.getLastJobInstance("reindex-watch")).isEqualTo(last);
    }

    @Test
    void aSecondPruneWhileOneRunsIsRefused() {
        // given: another prune holds the lock
        try (RunLock held = RunLock.acquire(sqlite.banq().stateDir(), RepositoryPruner.LOCK)) {
            // when, then
            assertThatThrownBy(() -> pruner.prune(NINETY_DAYS, false))
                    .isInstanceOf(JobBusyException.class)
                    .hasMessageContaining("prune is already running");
        }
    }

    @Test
    void aStoppingPruneEndsBetweenInstances() {
        // given
        instance("reindex", BatchStatus.COMPLETED, 100);
        instance("reindex", BatchStatus.COMPLETED, 99);
        instance("reindex", BatchStatus.COMPLETED, 1);

        // when
        PruneReport report = pruner.prune(NINETY_DAYS, false, () -> true);

        // then
        assertThat(report.instances()).isZero();
        assertThat(repository.getJobInstances("reindex", 0, 10)).hasSize(3);
    }

    @Test
    void whatIsKeptPerInstanceBesideSpringBatchsTablesGoesWithThePrunedInstancesOnly() {
        // given: a record kept per instance (such as a keeper's transactions in flight)
        List<Long> deleted = new java.util.ArrayList<>();
        RepositoryPruner withRecords =
                new RepositoryPruner(
                        repository,
                        sqlite.dataSource(),
                        sqlite.banq(),
                        Clock.fixed(NOW, ZoneOffset.UTC),
                        List.of(deleted::add));
        JobInstance old = instance("reindex", BatchStatus.COMPLETED, 100);
        instance("reindex", BatchStatus.FAILED, 95);

        // when
        withRecords.prune(NINETY_DAYS, true);
        withRecords.prune(NINETY_DAYS, false);

        // then
        assertThat(deleted).containsExactly(old.getInstanceId());
    }

    @Test
    void theHostsOfPrunedExecutionsGoWithThem() {
        // given: the host of every execution recorded as it started
        ExecutionHosts hosts = new ExecutionHosts(sqlite.dataSource(), "host-a");
        JobInstance old = instance("reindex", BatchStatus.COMPLETED, 100);
        JobInstance last = instance("reindex", BatchStatus.COMPLETED, 95);
        List<org.springframework.batch.core.job.JobExecution> all = new java.util.ArrayList<>();
        all.addAll(repository.getJobExecutions(old));
        all.addAll(repository.getJobExecutions(last));
        all.forEach(hosts::beforeJob);
        RepositoryPruner withHosts =
                new RepositoryPruner(
                        repository,
                        sqlite.dataSource(),
                        sqlite.banq(),
                        Clock.fixed(NOW, ZoneOffset.UTC),
                        List.of(hosts));

        // when
        withHosts.prune(NINETY_DAYS, false);

        // then
        assertThat(hosts.hostOf(repository.getJobExecutions(last).getFirst().getId()))
                .contains("host-a");
        assertThat(hosts.hostOf(all.getFirst().getId())).isEmpty();
    }
}
