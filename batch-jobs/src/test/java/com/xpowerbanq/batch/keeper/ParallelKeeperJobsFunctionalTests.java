package com.xpowerbanq.batch.keeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.xpowerbanq.batch.launch.JobRunner;
import com.xpowerbanq.devnet.Devnet;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ConfigurableApplicationContext;
import org.web3j.crypto.Credentials;

/** Both keeper jobs at once from one key, as {@code serve} can run them. */
class ParallelKeeperJobsFunctionalTests {
    private static final int WORKERS = 4;

    @TempDir static Path state;
    @AutoClose static DevnetContext fixture;
    static Devnet devnet;
    static ConfigurableApplicationContext context;
    static Credentials keeper;

    @BeforeAll
    static void start() throws Exception {
        // the deployer holds the keeper role on every oracle
        fixture =
                DevnetContext.start(state, 1, Devnet::deployer, "--banq.keeper.workers=" + WORKERS);
        devnet = fixture.devnet();
        context = fixture.context();
        keeper = devnet.deployer();
    }

    private static List<StepExecution> partitions(JobExecution execution) {
        return List.copyOf(KeeperDevnet.partitions(execution).values());
    }

    @Test
    void reindexAndRetwapRunningAtOnceFromOneKeyTakeConsecutiveNoncesAndAllSucceed()
            throws Exception {
        // given: every pair due, and a chain that holds transactions until the test mines them
        devnet.increaseTime(2 * 3600);
        devnet.mineBlocks(1);
        BigInteger nonceBefore = KeeperDevnet.nonce(devnet.web3j(), keeper.getAddress());
        JobRunner runner = context.getBean(JobRunner.class);
        ExecutorService threads = Executors.newCachedThreadPool();
        KeeperDevnet.automine(devnet.rpcUrl(), false);
        CompletableFuture<JobExecution> reindex;
        CompletableFuture<JobExecution> retwap;
        try {
            // when: both jobs broadcast from the same key at the same time
            reindex =
                    CompletableFuture.supplyAsync(
                            () ->
                                    runner.run(
                                            KeeperJobs.REINDEX,
                                            Map.of("series", "all", "broadcast", "true")),
                            threads);
            retwap =
                    CompletableFuture.supplyAsync(
                            () ->
                                    runner.run(
                                            KeeperJobs.RETWAP,
                                            Map.of(
                                                    "series", "all",
                                                    "broadcast", "true",
                                                    "percent-min", "0",
                                                    "percent-max", "100000")),
                            threads);
            // each job has as many transactions in flight as it has workers before any is mined
            await().atMost(Duration.ofSeconds(25))
                    .until(() -> KeeperDevnet.waiting(devnet.web3j(), keeper) >= 2L * WORKERS);
        } finally {
            KeeperDevnet.automine(devnet.rpcUrl(), true);
            KeeperDevnet.mine(devnet.rpcUrl());
            threads.shutdown();
        }

        // then: both complete, every series sent
        JobExecution reindexRun = reindex.get(2, TimeUnit.MINUTES);
        JobExecution retwapRun = retwap.get(2, TimeUnit.MINUTES);
        assertThat(reindexRun.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(retwapRun.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(partitions(reindexRun))
                .hasSize(28)
                .allSatisfy(
                        step -> assertThat(step.getExitStatus().getExitCode()).isEqualTo("SENT"));
        assertThat(partitions(retwapRun))
                .hasSize(14)
                .allSatisfy(
                        step -> assertThat(step.getExitStatus().getExitCode()).isEqualTo("SENT"));

        // and the two jobs' nonces together are consecutive, none taken twice
        assertThat(
                        KeeperDevnet.noncesOf(
                                Stream.concat(
                                                partitions(reindexRun).stream(),
                                                partitions(retwapRun).stream())
                                        .toList()))
                .isEqualTo(KeeperDevnet.consecutive(nonceBefore, 42));
        assertThat(KeeperDevnet.nonce(devnet.web3j(), keeper.getAddress()))
                .isEqualTo(nonceBefore.add(BigInteger.valueOf(42)));
    }
}
