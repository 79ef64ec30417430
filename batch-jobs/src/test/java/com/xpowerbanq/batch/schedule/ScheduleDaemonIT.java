package com.xpowerbanq.batch.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.xpowerbanq.batch.keeper.BatchContexts;
import com.xpowerbanq.batch.keeper.KeeperDevnet;
import com.xpowerbanq.batch.launch.JobNames;
import com.xpowerbanq.batch.launch.JobRunner;
import com.xpowerbanq.devnet.Devnet;
import com.xpowerbanq.devnet.DevnetOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.CronExpression;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** The daemon with seconds-level schedules against a devnet and a SQLite job repository. */
@ExtendWith(OutputCaptureExtension.class)
class ScheduleDaemonIT {
    @TempDir static Path shared;
    static Devnet devnet;

    @BeforeAll
    static void start() {
        devnet =
                Devnet.start(
                        DevnetOptions.defaults()
                                .withDays(1)
                                .withStateDir(shared.resolve("devnet")));
    }

    @AfterAll
    static void stop() {
        if (devnet != null) {
            devnet.close();
        }
    }

    private static List<String> options(Path state, String... more) throws Exception {
        List<String> options =
                BatchContexts.options(
                        devnet.rpcUrl(),
                        devnet.registryFile(),
                        state,
                        "--banq.keeper.private-key-file="
                                + KeeperDevnet.keyFile(state, devnet.account(2)),
                        "--" + ScheduleDaemon.SERVE + "=true",
                        "--banq.schedule.jitter=0s",
                        "--banq.schedule.reindex-watch.enabled=false",
                        "--banq.schedule.retwap-watch.enabled=false");
        for (String option : more) {
            options.add("--" + option);
        }
        return options;
    }

    private static List<JobExecution> executions(
            ConfigurableApplicationContext context, String job) {
        JobRepository repository = context.getBean(JobRepository.class);
        List<JobExecution> executions = new ArrayList<>();
        repository
                .findJobInstancesByJobName(job, 0, 1000)
                .forEach(instance -> executions.addAll(repository.getJobExecutions(instance)));
        executions.sort(Comparator.comparing(JobExecution::getId));
        return executions;
    }

    private static List<JobExecution> ended(ConfigurableApplicationContext context, String job) {
        return executions(context, job).stream().filter(e -> !e.isRunning()).toList();
    }

    private static String parameter(JobExecution execution, String name) {
        var parameter = execution.getJobParameters().getParameter(name);
        return parameter == null ? null : String.valueOf(parameter.value());
    }

    @Test
    void triggersFireTheRightJobsWithTheirParameters(@TempDir Path state) throws Exception {
        // given
        try (var context =
                BatchContexts.start(
                        options(
                                state,
                                "banq.schedule.reindex.cron=*/2 * * * * ?",
                                "banq.schedule.reindex.parameters.series=APOW:supply:P000",
                                "banq.schedule.retwap.cron=1/2 * * * * ?",
                                "banq.schedule.retwap.parameters.series=XPOW_APOW:T000",
                                "banq.schedule.retwap.parameters.percent-min=5",
                                "banq.schedule.retwap.parameters.broadcast=false"))) {
            // when
            context.getBean(ScheduleDaemon.class).start();

            // then
            await().atMost(Duration.ofSeconds(30))
                    .until(
                            () ->
                                    !ended(context, "reindex").isEmpty()
                                            && !ended(context, "retwap").isEmpty());
            JobExecution reindex = ended(context, "reindex").getFirst();
            assertThat(reindex.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(parameter(reindex, "series")).isEqualTo("APOW:supply:P000");
            assertThat(parameter(reindex, JobNames.RUN)).isEqualTo("1");
            assertThat(reindex.getStepExecutions())
                    .anySatisfy(
                            step -> assertThat(step.getStepName()).contains("APOW:supply:P000"));
            JobExecution retwap = ended(context, "retwap").getFirst();
            assertThat(parameter(retwap, "series")).isEqualTo("XPOW_APOW:T000");
            assertThat(parameter(retwap, "percent-min")).isEqualTo("5");
            assertThat(parameter(retwap, "broadcast")).isEqualTo("false");
            assertThat(parameter(reindex, "broadcast")).isEqualTo("true");
        }
    }

    @Test
    void aRunThatOutlastsItsPeriodIsNeverOverlappedByTheNext(@TempDir Path state) throws Exception {
        // given: a block every 3 s, so a broadcasting run takes longer than its 1 s period
        KeeperDevnet.blockTime(devnet.rpcUrl(), 3);
        try (var context =
                BatchContexts.start(
                        options(
                                state,
                                "banq.schedule.reindex.cron=* * * * * ?",
                                "banq.schedule.reindex.parameters.series=XPOW:borrow:P005",
                                "banq.schedule.reindex.parameters.broadcast=true",
                                "banq.schedule.retwap.enabled=false"))) {
            // when: the daemon runs until at least three runs ended and one of them outlasted its
            // period (how long a run waits depends on where in the 3 s block interval it sends)
            context.getBean(ScheduleDaemon.class).start();
            await().atMost(Duration.ofSeconds(90))
                    .until(
                            () -> {
                                List<JobExecution> ended = ended(context, "reindex");
                                return ended.size() >= 3
                                        && ended.stream().anyMatch(run -> lasted(run) > 1_000);
                            });
            context.getBean(ScheduleDaemon.class).stop();

            // then
            List<JobExecution> runs = executions(context, "reindex");
            for (int i = 1; i < runs.size(); i++) {
                JobExecution previous = runs.get(i - 1);
                JobExecution next = runs.get(i);
                assertThat(previous.getEndTime()).isNotNull();
                assertThat(next.getStartTime()).isAfterOrEqualTo(previous.getEndTime());
            }
            assertThat(runs.subList(0, 3))
                    .allSatisfy(
                            run -> assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED));
            assertThat(runs).anySatisfy(run -> assertThat(lasted(run)).isGreaterThan(1_000));
        } finally {
            KeeperDevnet.blockTime(devnet.rpcUrl(), 0);
        }
    }

    private static long lasted(JobExecution run) {
        return Duration.between(run.getStartTime(), run.getEndTime()).toMillis();
    }

    @Test
    void aFailedRunIsRestartedAndAbandonedAfterMaxRestarts(@TempDir Path state) throws Exception {
        // given: a retwap that always fails (the keeper lacks the oracle's role), every second
        try (var context =
                BatchContexts.start(
                        options(
                                state,
                                "banq.schedule.retwap.cron=* * * * * ?",
                                "banq.schedule.retwap.parameters.series=USDC_APOW:T002",
                                "banq.schedule.retwap.parameters.percent-min=0",
                                "banq.schedule.reindex.enabled=false"))) {
            // when
            context.getBean(ScheduleDaemon.class).start();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> ended(context, "retwap").size() >= 3);
            context.getBean(ScheduleDaemon.class).stop();

            // then: the second run restarts the first's instance; after max-restarts (1) the
            // instance is abandoned and the third run is a new instance
            List<JobExecution> runs = executions(context, "retwap");
            assertThat(runs.get(0).getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(runs.get(1).getJobInstance().getInstanceId())
                    .isEqualTo(runs.get(0).getJobInstance().getInstanceId());
            assertThat(runs.get(1).getStatus()).isEqualTo(BatchStatus.ABANDONED);
            assertThat(runs.get(2).getJobInstance().getInstanceId())
                    .isNotEqualTo(runs.get(0).getJobInstance().getInstanceId());
            var series =
                    context.getBean(JobRepository.class)
                            .getLastStepExecution(
                                    runs.get(0).getJobInstance(), "retwap.series:USDC_APOW:T002");
            assertThat(series.getExitStatus().getExitDescription())
                    .contains("AccessManagedUnauthorized");
        }
    }

    @Test
    void aFireMissedWhileDownRunsOnceAfterRestart(@TempDir Path state, CapturedOutput output)
            throws Exception {
        // given: the daemon ran once, then was down over several fires
        String[] schedule = {
            "banq.schedule.reindex.cron=*/2 * * * * ?",
            "banq.schedule.reindex.parameters.series=APOW:borrow:P001",
            "banq.schedule.retwap.enabled=false"
        };
        Instant lastFire;
        int runsBefore;
        try (var first = BatchContexts.start(options(state, schedule))) {
            first.getBean(ScheduleDaemon.class).start();
            await().atMost(Duration.ofSeconds(30)).until(() -> !ended(first, "reindex").isEmpty());
            first.getBean(ScheduleDaemon.class).stop();
            lastFire = first.getBean(FireLog.class).last("reindex").orElseThrow();
            runsBefore = executions(first, "reindex").size();
        }
        Date nextDue =
                new CronExpression("*/2 * * * * ?").getNextValidTimeAfter(Date.from(lastFire));
        Instant twoFiresLater = nextDue.toInstant().plusSeconds(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(twoFiresLater));
        int logBefore = output.getOut().length();

        // when
        try (var second = BatchContexts.start(options(state, schedule))) {
            second.getBean(ScheduleDaemon.class).start();

            // then: one catch-up run, then regular fires only
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> ended(second, "reindex").size() >= runsBefore + 3);
            second.getBean(ScheduleDaemon.class).stop();
            assertThat(executions(second, "reindex"))
                    .allSatisfy(
                            run -> assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED));
        }
        String log = output.getOut().substring(logBefore);
        assertThat(log.split("reindex: fired \\(missed", -1)).hasSize(2);
        assertThat(log).contains("was missed while down; running it once now");
        assertThat(log.split("reindex: fired \\(cron", -1).length - 1).isGreaterThanOrEqualTo(2);
    }

    @Test
    void stoppingTheDaemonStopsItsOwnRunsOnlyNotAManualRunOfAnotherProcess(@TempDir Path state)
            throws Exception {
        // given: every pair due, and a chain that holds transactions until the test mines them
        devnet.increaseTime(2 * 3600);
        devnet.mineBlocks(1);
        Path other = Files.createDirectories(state.resolve("other"));
        List<String> manualOptions =
                BatchContexts.options(
                        devnet.rpcUrl(),
                        devnet.registryFile(),
                        state,
                        "--banq.keeper.private-key-file="
                                + KeeperDevnet.keyFile(other, devnet.deployer()));
        KeeperDevnet.automine(devnet.rpcUrl(), false);
        // own threads: the common pool may have one thread on a small machine
        ExecutorService threads = Executors.newCachedThreadPool();
        try (var manual = BatchContexts.start(manualOptions);
                var daemonContext =
                        BatchContexts.start(
                                options(
                                        state,
                                        "banq.schedule.stop-timeout=60s",
                                        "banq.schedule.reindex.cron=* * * * * ?",
                                        "banq.schedule.reindex.parameters.series=APOW:supply:P000",
                                        "banq.schedule.retwap.cron=0 0 0 1 1 ? 2099"))) {
            // and: `run retwap -Y` started by hand in another process, waiting for its receipt
            CompletableFuture<JobExecution> byHand =
                    CompletableFuture.supplyAsync(
                            () ->
                                    manual.getBean(JobRunner.class)
                                            .run(
                                                    "retwap",
                                                    Map.of(
                                                            "series", "USDT_XPOW:T006",
                                                            "broadcast", "true",
                                                            "percent-min", "0",
                                                            "percent-max", "100000")),
                            threads);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> KeeperDevnet.waiting(devnet.web3j(), devnet.deployer()) > 0);

            // and: the daemon running its own reindex, waiting for its receipt too
            ScheduleDaemon daemon = daemonContext.getBean(ScheduleDaemon.class);
            daemon.start();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> KeeperDevnet.waiting(devnet.web3j(), devnet.account(2)) > 0);

            // when: the daemon shuts down (SIGTERM), and the chain mines once it has asked its run
            // to stop
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(daemon::stop, threads);
            await().atMost(Duration.ofSeconds(30))
                    .until(
                            () ->
                                    executions(daemonContext, "reindex").stream()
                                            .map(JobExecution::getStatus)
                                            .anyMatch(
                                                    status ->
                                                            status == BatchStatus.STOPPING
                                                                    || status
                                                                            == BatchStatus
                                                                                    .STOPPED));
            KeeperDevnet.automine(devnet.rpcUrl(), true);
            KeeperDevnet.mine(devnet.rpcUrl());
            stopping.get(60, TimeUnit.SECONDS);

            // then: its own run stopped, restartable; the manual run went on to completion
            assertThat(executions(daemonContext, "reindex"))
                    .singleElement()
                    .satisfies(run -> assertThat(run.getStatus()).isEqualTo(BatchStatus.STOPPED));
            JobExecution manualRun = byHand.get(60, TimeUnit.SECONDS);
            assertThat(manualRun.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(manualRun.getStepExecutions())
                    .anySatisfy(
                            step ->
                                    assertThat(step.getExitStatus().getExitCode())
                                            .isEqualTo("SENT"));
        } finally {
            KeeperDevnet.automine(devnet.rpcUrl(), true);
            threads.shutdownNow();
        }
    }
}
