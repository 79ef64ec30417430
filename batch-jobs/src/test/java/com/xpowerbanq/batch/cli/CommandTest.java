package com.xpowerbanq.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.xpowerbanq.chain.rpc.ChainUnavailableException;
import com.xpowerbanq.chain.rpc.MalformedAnswerException;
import com.xpowerbanq.schema.Catalogue;
import com.xpowerbanq.schema.cli.Cli;
import com.xpowerbanq.schema.cli.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandTest {

    /** The command object picocli made of these words (its subcommand's, if any). */
    private static <T> T parsed(Class<T> type, String... words) {
        var result = Cli.commandLine(new BanqBatchCommand(List.of())).parseArgs(words);
        var last = result.subcommand() == null ? result : result.subcommand();
        return type.cast(last.commandSpec().userObject());
    }

    private static Map<String, String> runParameters(String... words) {
        return parsed(RunCommand.class, words).parameters();
    }

    /** Runs the command line in-process, nothing on stdin: exit code, stdout, stderr. */
    private static Console ran(String... args) {
        return Console.run("", args);
    }

    @Test
    void runTakesAJobAndKeyValueParameters() {
        RunCommand command =
                parsed(RunCommand.class, "run", "reindex-watch", "series=all", "from=deploy");

        assertThat(command.job).isEqualTo("reindex-watch");
        assertThat(command.parameters()).isEqualTo(Map.of("series", "all", "from", "deploy"));
    }

    @Test
    void dashYIsTheShortFormOfBroadcastAndServeTakesNoArguments() {
        Map<String, String> parameters = runParameters("run", "reindex", "series=all", "-Y");

        assertThat(parameters).isEqualTo(Map.of("series", "all", "broadcast", "true"));
        assertThat(parsed(ServeCommand.class, "serve")).isNotNull();
        assertThatThrownBy(() -> parsed(ServeCommand.class, "serve", "now").none.check())
                .hasMessageContaining("serve takes no arguments");
        assertThatThrownBy(() -> runParameters("run", "retwap", "-Y", "broadcast=true"))
                .hasMessageContaining("given twice");
    }

    @Test
    void badCommandLinesSayWhatToFix() {
        assertThatThrownBy(() -> runParameters("run")).hasMessageContaining("needs a job name");
        assertThatThrownBy(() -> runParameters("run", "reindex-watch", "series"))
                .hasMessageContaining("'series' is not key=value");
        assertThatThrownBy(() -> runParameters("run", "x", "a=1", "a=2"))
                .hasMessageContaining("given twice");
        assertThatThrownBy(() -> parsed(RestartCommand.class, "restart", "abc").executionId())
                .hasMessageContaining("one execution id");
        assertThat(ran("frobnicate").err()).contains("unknown command 'frobnicate'");
    }

    @Test
    void aJobDatabaseThatDoesNotAnswerIsUnavailable() throws Exception {
        int closed;
        try (var socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Console down =
                ran(
                        "--banq.database.url=jdbc:postgresql://127.0.0.1:" + closed + "/banq",
                        "status");
        assertThat(down.code()).isEqualTo(ExitCode.UNAVAILABLE.code);
        assertThat(down.err())
                .contains("cannot connect to the job database jdbc:postgresql://127.0.0.1:")
                .contains("(BANQ_DATABASE_URL)");
        Console wrong = ran("--banq.database.url=jdbc:mysql://db/banq", "status");
        assertThat(wrong.code()).isEqualTo(ExitCode.USAGE.code);
        assertThat(wrong.err()).contains("BANQ_DATABASE_URL must be a PostgreSQL JDBC URL");
    }

    @Test
    void exitCodesFollowTheCauseOfAFailedRun() {
        var unavailable = new ChainUnavailableException("http://x", "eth_chainId", "down", null);
        var malformed = new MalformedAnswerException("http://x", "eth_getLogs", "bad", null);

        assertThat(RunExitCode.of(List.of(new RuntimeException("wrapped", unavailable))))
                .isEqualTo(ExitCode.UNAVAILABLE);
        assertThat(RunExitCode.of(List.of(malformed))).isEqualTo(ExitCode.DATA);
        assertThat(RunExitCode.of(List.of(new IllegalStateException("bug"))))
                .isEqualTo(ExitCode.INTERNAL);
    }

    @Test
    void usageErrorsExitWith64BeforeAnythingStarts() {
        assertThat(CommandLine.run(new String[] {"run"})).isEqualTo(64);
        assertThat(CommandLine.run(new String[] {"help"})).isZero();
    }

    @Test
    void anUnknownJobIsAUsageErrorNamingTheJobsWithoutAContext() {
        // when: a state dir that cannot be created, so a context could not start
        Console run = ran("--state-dir=/proc/no-such-dir", "run", "nosuchjob");

        // then
        assertThat(run.code()).isEqualTo(64);
        assertThat(run.err())
                .contains(
                        "banq-batch: unknown job 'nosuchjob': jobs are reindex, reindex-watch,"
                                + " retwap, retwap-watch");
    }

    @Test
    void listPrintsTheJobsAndTheCatalogueWithoutAContext() {
        // when
        Console list = ran("--state-dir=/proc/no-such-dir", "list");

        // then
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out())
                .startsWith(
                        "jobs:\n  reindex\n  reindex-watch\n  retwap\n  retwap-watch\n"
                                + "series (instance id, state file, API name):\n")
                .contains("  APOW:supply:P000     ri-APOW:supply:P000.db     ri_apow_supply_0\n");
        assertThat(list.out().lines().filter(line -> line.startsWith("  ") && line.contains(".db")))
                .hasSize(Catalogue.all().size());
    }

    @Test
    void helpListsEveryCommandAndTheEnvironment() {
        // when
        Console help = ran("--help");

        // then
        assertThat(help.code()).isZero();
        assertThat(help.out())
                .contains("banq-batch [--state-dir=DIR]")
                .contains("run", "list", "status", "restart", "serve")
                .contains("PROVIDER_URL", "PRIVATE_KEY_FILE");
        // the workshop's commands are the devnet tool's and the bench module's, not banq-batch's
        assertThat(help.out()).doesNotContainPattern("(?m)^\\s+(bench|devnet)\\b");
        assertThat(ran("run", "--help").out()).contains("broadcast=true", "percent-min");
    }

    @Test
    void statusReadsTheJobRepositoryOfTheStateDirWithoutTheApplicationContext(@TempDir Path dir) {
        // when: a chain setting that would stop the application context at start
        Console status = ran("--state-dir=" + dir, "--banq.chain.contract-run=latest", "status");

        // then: status never starts it; it opens the job repository on its own
        assertThat(status.code()).as(status.err()).isZero();
        assertThat(status.out()).contains("no executions").contains("series databases in " + dir);
        assertThat(dir.resolve("banq-batch.db")).exists();
    }

    @Test
    void noCommandAndExtraArgumentsAreUsageErrors() {
        assertThat(ran().err()).contains("banq-batch: no command given");
        Console status = ran("status", "now");
        assertThat(status.code()).isEqualTo(64);
        assertThat(status.err()).contains("status takes no arguments, got [now]");
        assertThat(ran("restart").code()).isEqualTo(64);
    }

    @Test
    void statusOfOneSeriesByApiNameOrInstanceIdAndUsageErrorsOtherwise(@TempDir Path dir) {
        // when
        Console byApiName = ran("--state-dir=" + dir, "status", "rt_xpow_apow_0");
        Console unknown = ran("--state-dir=" + dir, "status", "ri_apow_nothing_0");
        Console two = ran("--state-dir=" + dir, "status", "XPOW_APOW:T000", "APOW:supply:P000");

        // then
        assertThat(byApiName.code()).isZero();
        assertThat(byApiName.out())
                .startsWith("series XPOW_APOW:T000 (API name rt_xpow_apow_0)")
                .contains("rt-XPOW_APOW:T000.db", "not written yet", "last executions:");
        assertThat(unknown.code()).isEqualTo(64);
        assertThat(unknown.err())
                .contains("status SERIES takes one series", "ri_apow_nothing_0", "banq batch list");
        assertThat(two.code()).isEqualTo(64);
        assertThat(two.err()).contains("status SERIES takes one series");
    }

    @Test
    void aWordStartingWithAtIsAWordNotAFileToExpand(@TempDir Path dir) throws Exception {
        // given: a file that would expand to a valid parameter
        Path file = Files.writeString(dir.resolve("series.txt"), "series=all\n");

        // when
        Console run = ran("--state-dir=" + dir, "run", "reindex-watch", "@" + file);

        // then
        assertThat(run.code()).isEqualTo(64);
        assertThat(run.err()).contains("parameter '@" + file + "' is not key=value");
    }

    @Test
    void springPropertiesStandAnywhereAndStateDirTakesItsValueApart() {
        SpringOptions split =
                SpringOptions.split(
                        new String[] {
                            "--state-dir",
                            "/tmp/s",
                            "run",
                            "reindex",
                            "-Y",
                            "--logging.level.root=DEBUG"
                        });

        assertThat(split.properties())
                .containsExactly("--state-dir=/tmp/s", "--logging.level.root=DEBUG");
        assertThat(split.words()).containsExactly("run", "reindex", "-Y");
        assertThat(SpringOptions.property("--state-dir=/tmp/s"))
                .isEqualTo("--banq.state-dir=/tmp/s");
    }
}
