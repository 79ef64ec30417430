package com.xpowerbanq.schema.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

class CliTest {

    @Command(name = "banq-sample", mixinStandardHelpOptions = true)
    static final class Sample implements Callable<Integer> {
        @Option(names = "--port")
        int port = 8001;

        @Option(names = "--fail")
        String fail;

        @Override
        public Integer call() {
            if ("data".equals(fail)) {
                throw new BadData("row 7 does not decode");
            }
            if ("plain".equals(fail)) {
                throw new IllegalStateException("boom");
            }
            return port == 8001 ? 0 : 3;
        }
    }

    static final class BadData extends RuntimeException implements ExitStatus {
        BadData(String message) {
            super(message);
        }

        @Override
        public ExitCode exitCode() {
            return ExitCode.DATA;
        }
    }

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine line = Cli.commandLine(new Sample());
        line.setErr(new PrintWriter(err));
        line.setOut(new PrintWriter(new StringWriter()));
        return line.execute(args);
    }

    @Test
    void anUnknownOptionIsAUsageErrorThatNamesTheProgram() {
        // when
        int code = run("--nope");

        // then
        assertThat(code).isEqualTo(64);
        assertThat(err.toString())
                .startsWith("banq-sample: Unknown option: '--nope'")
                .contains("(see banq-sample --help)");
    }

    @Test
    void aBadValueIsAUsageError() {
        assertThat(run("--port", "eighty")).isEqualTo(64);
        assertThat(err.toString()).contains("--port").contains("eighty");
    }

    @Test
    void aFailureCarryingItsCodeExitsWithItAndItsMessage() {
        assertThat(run("--fail", "data")).isEqualTo(65);
        assertThat(err.toString().strip()).isEqualTo("banq-sample: row 7 does not decode");
    }

    @Test
    void anyOtherFailureIsInternal() {
        assertThat(run("--fail", "plain")).isEqualTo(70);
        assertThat(err.toString()).doesNotContain("Exception").contains("boom");
    }

    @Test
    void helpAndSuccessExitZeroAndTheCommandsOwnCodePassesThrough() {
        assertThat(run("--help")).isZero();
        assertThat(run()).isZero();
        assertThat(run("--port", "9")).isEqualTo(3);
    }

    @Test
    void theCodeOfAWrappedFailureIsFoundAlongItsCauses() {
        assertThat(ExitCode.of(new RuntimeException(new BadData("x")))).isEqualTo(ExitCode.DATA);
        assertThat(ExitCode.of(new RuntimeException("x"))).isEqualTo(ExitCode.INTERNAL);
    }
}
