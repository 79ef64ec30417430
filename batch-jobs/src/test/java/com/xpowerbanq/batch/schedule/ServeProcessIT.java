package com.xpowerbanq.batch.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.xpowerbanq.batch.BanqBatchApplication;
import com.xpowerbanq.batch.keeper.BatchContexts;
import com.xpowerbanq.batch.keeper.KeeperDevnet;
import com.xpowerbanq.batch.launch.JobRunner;
import com.xpowerbanq.devnet.Devnet;
import com.xpowerbanq.devnet.DevnetOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;

/**
 * The daemon and a keeper run as child JVMs, as an operator runs them: SIGTERM mid-run, and the
 * signing key given by PRIVATE_KEY_FILE never showing in output or command line.
 */
class ServeProcessIT {
    @TempDir static Path shared;
    static Devnet devnet;

    @BeforeAll
    static void start() {
        devnet =
                Devnet.start(
                        DevnetOptions.defaults()
                                .withDays(0)
                                .withStateDir(shared.resolve("devnet")));
    }

    @AfterAll
    static void stop() {
        if (devnet != null) {
            devnet.close();
        }
    }

    private static Process child(Path state, Path keyFile, Path output, List<String> arguments)
            throws Exception {
        return child(state, Map.of("PRIVATE_KEY_FILE", keyFile.toString()), output, arguments);
    }

    /** A banq-batch process given its key by {@code keyEnvironment} (PRIVATE_KEY or _FILE). */
    private static Process child(
            Path state, Map<String, String> keyEnvironment, Path output, List<String> arguments)
            throws Exception {
        return BanqBatchProcess.start(devnet, state, keyEnvironment, output, arguments);
    }

    private static int count(Path state, String sql) throws Exception {
        try (Connection connection =
                        DriverManager.getConnection(
                                "jdbc:sqlite:" + state.resolve("banq-batch.db"));
                ResultSet rows = connection.createStatement().executeQuery(sql)) {
            return rows.next() ? rows.getInt(1) : 0;
        } catch (java.sql.SQLException e) {
            return -1; // not created yet or busy: ask again
        }
    }

    private static String commandLine(Process process) throws Exception {
        return new String(
                Files.readAllBytes(Path.of("/proc", String.valueOf(process.pid()), "cmdline")),
                StandardCharsets.UTF_8);
    }

    @Test
    void sigtermStopsTheRunningExecutionRestartably(@TempDir Path state) throws Exception {
        // given: a daemon keeping all 28 RI series one at a time, a block every second
        Path keyFile = KeeperDevnet.keyFile(state, devnet.account(3));
        Path output = state.resolve("serve.log");
        KeeperDevnet.blockTime(devnet.rpcUrl(), 1);
        Process serve;
        try {
            serve =
                    child(
                            state,
                            keyFile,
                            output,
                            List.of(
                                    "serve",
                                    "--banq.keeper.workers=1",
                                    "--banq.schedule.jitter=0s",
                                    "--banq.schedule.reindex.cron=*/2 * * * * ?",
                                    "--banq.schedule.reindex.parameters.series=all",
                                    "--banq.schedule.reindex.parameters.broadcast=true",
                                    "--banq.schedule.retwap.enabled=false",
                                    "--banq.schedule.reindex-watch.enabled=false",
                                    "--banq.schedule.retwap-watch.enabled=false"));
            await().atMost(Duration.ofSeconds(90))
                    .until(
                            () ->
                                    count(
                                                    state,
                                                    "SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE"
                                                            + " STEP_NAME LIKE 'reindex.series:%' AND STATUS = 'COMPLETED'")
                                            >= 2);
            assertThat(commandLine(serve)).doesNotContain(KeeperDevnet.hexKey(devnet.account(3)));

            // when
            serve.destroy(); // SIGTERM
            assertThat(serve.waitFor(90, TimeUnit.SECONDS)).isTrue();
        } finally {
            KeeperDevnet.blockTime(devnet.rpcUrl(), 0);
        }

        // then: the execution is STOPPED, part of the series done, and a restart does the rest
        int done =
                count(
                        state,
                        "SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'reindex.series:%' AND STATUS = 'COMPLETED'");
        assertThat(done).isBetween(2, 27);
        try (var context =
                BatchContexts.start(
                        BatchContexts.options(
                                devnet.rpcUrl(),
                                devnet.registryFile(),
                                state,
                                "--banq.keeper.private-key-file=" + keyFile))) {
            JobRepository repository = context.getBean(JobRepository.class);
            JobExecution stopped =
                    repository.getLastJobExecution(repository.getLastJobInstance("reindex"));
            assertThat(stopped.getStatus()).isEqualTo(BatchStatus.STOPPED);
            JobExecution restarted = context.getBean(JobRunner.class).restart(stopped.getId());
            assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            long partitions =
                    restarted.getStepExecutions().stream()
                            .filter(step -> step.getStepName().startsWith("reindex.series:"))
                            .count();
            assertThat(partitions).isEqualTo(28 - done);
        }
        assertThat(Files.readString(output))
                .contains("stopping execution")
                .doesNotContain(KeeperDevnet.hexKey(devnet.account(3)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PRIVATE_KEY_FILE", "PRIVATE_KEY"})
    void thePrivateKeyNeverShowsInOutputNorInPs(String variable, @TempDir Path state)
            throws Exception {
        // given: a broadcasting run with every logger at DEBUG, the key given by the variable
        Path keyFile = KeeperDevnet.keyFile(state, devnet.account(4));
        String key = KeeperDevnet.hexKey(devnet.account(4));
        Path output = state.resolve("run.log");
        String value = variable.equals("PRIVATE_KEY") ? "0x" + key : keyFile.toString();

        // when
        Process run =
                child(
                        state,
                        Map.of(variable, value),
                        output,
                        List.of(
                                "run",
                                "reindex",
                                "series=APOW:supply:P000,XPOW:borrow:P006",
                                "-Y",
                                "--logging.level.root=DEBUG"));
        String commandLine = commandLine(run);
        String ps = ps();
        boolean ended = run.waitFor(90, TimeUnit.SECONDS);
        run.destroyForcibly();
        assertThat(ended).as(Files.readString(output)).isTrue();

        // then
        String log = Files.readString(output);
        assertThat(run.exitValue()).as(log).isZero();
        assertThat(log).contains("XPOW:borrow:P006 sent [confirmed");
        assertThat(commandLine).contains("reindex").doesNotContain(key);
        assertThat(ps)
                .contains(BanqBatchApplication.class.getName().toLowerCase(Locale.ROOT))
                .doesNotContain(key);
        assertThat(log.toLowerCase()).doesNotContain(key).doesNotContain(key.substring(0, 24));
    }

    /** What {@code ps} shows of every process's command line, unabridged. */
    private static String ps() throws Exception {
        Process ps = new ProcessBuilder("ps", "-e", "-ww", "-o", "args=").start();
        String out = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ps.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return out.toLowerCase(Locale.ROOT);
    }
}
