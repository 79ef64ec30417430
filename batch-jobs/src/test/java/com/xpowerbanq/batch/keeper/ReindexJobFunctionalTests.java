package com.xpowerbanq.batch.keeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.xpowerbanq.batch.launch.JobRunner;
import com.xpowerbanq.chain.tx.KeySource;
import com.xpowerbanq.chain.tx.NonceBook;
import com.xpowerbanq.devnet.Devnet;
import com.xpowerbanq.schema.Catalogue;
import com.xpowerbanq.schema.RiSeries;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ConfigurableApplicationContext;
import org.web3j.protocol.core.methods.response.Log;

/** The reindex job against a devnet: real anvil, real SQLite job repository. */
class ReindexJobFunctionalTests {
    private static final int WORKERS = 4;

    @TempDir static Path state;
    @AutoClose static DevnetContext fixture;
    static Devnet devnet;
    static ConfigurableApplicationContext context;

    @BeforeAll
    static void start() throws Exception {
        fixture =
                DevnetContext.start(
                        state, 0, d -> d.account(1), "--banq.keeper.workers=" + WORKERS);
        devnet = fixture.devnet();
        context = fixture.context();
    }

    private static JobExecution run(String... pairs) {
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parameters.put(pairs[i], pairs[i + 1]);
        }
        return context.getBean(JobRunner.class).run(KeeperJobs.REINDEX, parameters);
    }

    private static List<Log> reindexLogs(long fromBlock) throws Exception {
        return KeeperDevnet.reindexLogs(devnet, fromBlock);
    }

    @Test
    void broadcastSendsOneReindexPerPositionInParallelWithConsecutiveNonces() throws Exception {
        // given: all 28 RI series, and a chain that holds transactions until the test mines them
        String keeper = devnet.account(1).getAddress();
        BigInteger nonceBefore = KeeperDevnet.nonce(devnet.web3j(), keeper);
        long fromBlock = devnet.latestBlockNumber() + 1;
        KeeperDevnet.automine(devnet.rpcUrl(), false);

        // when
        CompletableFuture<JobExecution> running =
                CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return run("series", "all", "broadcast", "true");
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        });
        try {
            // every worker has a transaction in flight before any is mined: the sends are parallel
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> KeeperDevnet.pending(devnet.web3j()) >= WORKERS);
        } finally {
            KeeperDevnet.automine(devnet.rpcUrl(), true);
            KeeperDevnet.mine(devnet.rpcUrl());
        }
        JobExecution execution = running.get();

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, StepExecution> partitions = KeeperDevnet.partitions(execution);
        assertThat(partitions).hasSize(28);
        assertThat(partitions.values())
                .allSatisfy(
                        step -> assertThat(step.getExitStatus().getExitCode()).isEqualTo("SENT"));

        Set<String> emitters = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        List<Log> logs = reindexLogs(fromBlock);
        logs.forEach(log -> emitters.add(log.getAddress()));
        Set<String> positions = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (RiSeries series : Catalogue.ri()) {
            positions.add(devnet.protocol().position(series.instanceId()));
        }
        assertThat(logs).hasSize(28);
        assertThat(emitters).isEqualTo(positions);

        assertThat(KeeperDevnet.noncesOf(partitions.values()))
                .isEqualTo(KeeperDevnet.consecutive(nonceBefore, 28));
        assertThat(KeeperDevnet.nonce(devnet.web3j(), keeper))
                .isEqualTo(nonceBefore.add(BigInteger.valueOf(28)));
    }

    @Test
    void withoutBroadcastNothingIsSentAndEachSeriesSaysWhatItWouldDo() throws Exception {
        // given
        String keeper = devnet.account(1).getAddress();
        BigInteger nonceBefore = KeeperDevnet.nonce(devnet.web3j(), keeper);
        long fromBlock = devnet.latestBlockNumber() + 1;

        // when
        JobExecution execution = run("series", "APOW:supply:P000,XPOW_borrow_P004");

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, StepExecution> partitions = KeeperDevnet.partitions(execution);
        assertThat(partitions).containsOnlyKeys("APOW:supply:P000", "XPOW:borrow:P004");
        assertThat(partitions.get("APOW:supply:P000").getExitStatus().getExitCode())
                .isEqualTo("WOULD-SEND");
        assertThat(partitions.get("APOW:supply:P000").getExitStatus().getExitDescription())
                .contains(devnet.protocol().position("APOW:supply:P000"))
                .contains("dry run");
        assertThat(KeeperDevnet.nonce(devnet.web3j(), keeper)).isEqualTo(nonceBefore);
        assertThat(reindexLogs(fromBlock)).isEmpty();
    }

    @Test
    void broadcastWithoutAKeyFailsBeforeAnySeriesNamingWhatToSet() throws Exception {
        // given: no PRIVATE_KEY, no PRIVATE_KEY_FILE
        var sessions =
                new KeeperSessions(
                        new KeeperChainSettings(
                                devnet.rpcUrl(), "v10a", devnet::registry, Duration.ofSeconds(10)),
                        new KeeperProperties(
                                1, Duration.ofMillis(100), Duration.ofSeconds(5), 0.25, null),
                        Map.of(),
                        new NonceBook(),
                        () -> KeeperDevnet.chain(devnet.rpcUrl()));

        // when / then
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sessions.session(1L, true))
                .isInstanceOf(KeySource.KeyException.class)
                .hasMessageContaining("PRIVATE_KEY_FILE");
        assertThat(sessions.session(2L, false).sender()).isNull();
    }
}
