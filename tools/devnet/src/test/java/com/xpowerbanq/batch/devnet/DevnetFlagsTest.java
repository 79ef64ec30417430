package com.xpowerbanq.batch.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.xpowerbanq.schema.ContractRun;
import com.xpowerbanq.schema.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line of `banq devnet`: bad flags exit 64 with a message naming the flag. */
class DevnetFlagsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = ';',
            value = {
                "--days;Missing required parameter for option '--days'",
                "--days x;--days must be a whole number, got 'x'",
                "--days -1;--days must be in 0..3650, got -1",
                "--port 0;--port must be in 1..65535, got 0",
                "--port 70000;--port must be in 1..65535, got 70000",
                "--state-dir;Missing required parameter for option '--state-dir'",
                "--verbose;Unknown option: '--verbose'",
                "--run v11a;--run: contract run 'v11a' is not one this build decodes: v10a, v10b,"
                        + " v10c",
                "--run;Missing required parameter for option '--run'",
            })
    void badFlagsExitWithUsageAndSayWhatToFix(String args, String message) {
        // given
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        // when
        int status =
                DevnetCommand.run(
                        args.split(" "),
                        Map.of(),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));

        // then
        assertThat(status).isEqualTo(64);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("banq devnet: " + message)
                .contains("(see banq devnet --help)");
    }

    @Test
    void flagsAreReadWithTheirDefaults() {
        DevnetCommand defaults = parse();
        assertThat(defaults.days()).isEqualTo(30);
        assertThat(defaults.port()).isZero();
        assertThat(defaults.stateDir()).isEqualTo(Path.of("var/devnet").toAbsolutePath());
        assertThat(defaults.contractRun()).isEqualTo(ContractRun.V10A);
        assertThat(parse("--run", "v10b").contractRun()).isEqualTo(ContractRun.V10B);
        assertThat(parse("--run=V10C").contractRun()).isEqualTo(ContractRun.V10C);

        DevnetCommand given = parse("--days", "3", "--port", "18545", "--state-dir", "/tmp/x");
        assertThat(given.days()).isEqualTo(3);
        assertThat(given.port()).isEqualTo(18545);
        assertThat(given.stateDir()).isEqualTo(Path.of("/tmp/x"));
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() {
        // given
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // when
        int status =
                DevnetCommand.run(
                        new String[] {"--help"},
                        Map.of(),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(new ByteArrayOutputStream()));

        // then
        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("Usage: banq devnet")
                .contains("--days")
                .contains("--run")
                .contains("--port")
                .contains("--state-dir");
    }

    private static DevnetCommand parse(String... args) {
        DevnetCommand command = new DevnetCommand(Map.of(), System.out, System.err);
        Cli.commandLine(command).parseArgs(args);
        return command;
    }
}
