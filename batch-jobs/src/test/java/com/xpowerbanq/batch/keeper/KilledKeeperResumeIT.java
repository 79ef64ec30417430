package com.xpowerbanq.batch.keeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.xpowerbanq.batch.launch.JobRunner;
import com.xpowerbanq.batch.schedule.BanqBatchProcess;
import com.xpowerbanq.devnet.Devnet;
import com.xpowerbanq.devnet.DevnetOptions;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sqlite.SQLiteDataSource;
import org.web3j.crypto.Credentials;

/**
 * A reindex run in a child JVM killed with SIGKILL after its transactions were sent and before any
 * was mined; run again, it restarts the killed execution, which resumes the recorded transactions
 * instead of sending the duty again: one Reindex per position for the fire.
 */
class KilledKeeperResumeIT {
    private static final List<String> SERIES = List.of("APOW:supply:P000", "XPOW:borrow:P000");
    private static final Map<String, String> REINDEX =
            Map.of("series", String.join(",", SERIES), "broadcast", "true");

    @TempDir static Path state;
    static Devnet devnet;

    @BeforeAll
    static void start() {
        devnet =
                Devnet.start(
                        DevnetOptions.defaults().withDays(0).withStateDir(state.resolve("devnet")));
    }

    @AfterAll
    static void stop() {
        if (devnet != null) {
            devnet.close();
        }
    }

    @Test
    void aRunKilledAfterSendingIsRestartedAndResumesItsTransactionsInsteadOfSendingAgain()
            throws Exception {
        // given: a chain that keeps transactions in its pool, unmined
        Credentials keeper = devnet.account(2);
        Path keyFile = KeeperDevnet.keyFile(state, keeper);
        long fromBlock = devnet.latestBlockNumber() + 1;
        BigInteger firstNonce = KeeperDevnet.nonce(devnet.web3j(), keeper.getAddress());
        Path output = state.resolve("killed-run.log");
        KeeperDevnet.automine(devnet.rpcUrl(), false);
        try {
            Process run =
                    BanqBatchProcess.start(
                            devnet,
                            state,
                            Map.of("PRIVATE_KEY_FILE", keyFile.toString()),
                            output,
                            List.of(
                                    "run",
                                    KeeperJobs.REINDEX,
                                    "series=" + REINDEX.get("series"),
                                    "broadcast=true"));

            // when: its transactions are sent and recorded, it is killed
            await().atMost(Duration.ofSeconds(60))
                    .ignoreExceptions()
                    .until(
                            () ->
                                    recorded() == SERIES.size()
                                            && KeeperDevnet.pending(devnet.web3j())
                                                    == SERIES.size());
            run.destroyForcibly();
            assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            // and the chain mines again: the killed run's transactions are mined
            KeeperDevnet.blockTime(devnet.rpcUrl(), 1);
        }
        assertThat(Files.readString(output)).doesNotContain("COMPLETED");

        JobExecution resumed;
        long executions;
        try (var context = BatchContexts.signing(devnet, state, keyFile)) {
            resumed = context.getBean(JobRunner.class).run(KeeperJobs.REINDEX, REINDEX);
            executions =
                    context.getBean(JobRepository.class)
                            .getJobExecutions(resumed.getJobInstance())
                            .size();
        } finally {
            KeeperDevnet.blockTime(devnet.rpcUrl(), 0);
        }

        // then: the killed execution was restarted and every partition resumed its transaction
        assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(executions).isEqualTo(2);
        assertThat(KeeperDevnet.partitions(resumed).values())
                .hasSize(SERIES.size())
                .allSatisfy(
                        step -> {
                            assertThat(step.getExitStatus().getExitCode()).isEqualTo("SENT");
                            assertThat(step.getExitStatus().getExitDescription())
                                    .contains("resumed the interrupted run's transaction");
                        });
        assertThat(KeeperDevnet.noncesOf(KeeperDevnet.partitions(resumed).values()))
                .isEqualTo(KeeperDevnet.consecutive(firstNonce, SERIES.size()));
        // and the chain holds one Reindex per position, and no other transaction of the keeper
        assertThat(KeeperDevnet.reindexCounts(devnet, fromBlock))
                .containsOnlyKeys(
                        SERIES.stream()
                                .map(id -> devnet.protocol().position(id).toLowerCase())
                                .toList())
                .allSatisfy((position, count) -> assertThat(count).isEqualTo(1));
        assertThat(KeeperDevnet.nonce(devnet.web3j(), keeper.getAddress()))
                .isEqualTo(firstNonce.add(BigInteger.valueOf(SERIES.size())));
    }

    /** The transactions in flight the job repository holds, as another process sees them. */
    private static long recorded() {
        SQLiteDataSource file = new SQLiteDataSource();
        file.setUrl("jdbc:sqlite:" + state.resolve("banq-batch.db"));
        return JdbcClient.create(file)
                .sql("SELECT count(*) FROM " + FlightStore.TABLE)
                .query(Long.class)
                .single();
    }
}
