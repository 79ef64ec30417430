package com.xpowerbanq.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** The command line of `banq bench`: one parser, one exit policy, the benches' own flags. */
class BenchMainTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine line = BenchMain.commandLine();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = ';',
            quoteCharacter = '"',
            value = {
                "miner --threads 0;--threads must be in [1, 1024], got 0",
                "miner --runs 1001;--runs must be in [1, 1000], got 1001",
                "miner --seconds 0.01;--seconds must be in [0.1, 3600], got 0.01",
                "miner --bogus;Unknown option: '--bogus'",
                "api --rows 0;--rows must be in [1, ",
                "api --seconds x;'x' is not an int",
                "api --metrics-port 70000;--metrics-port must be in [0, 65535], got 70000",
                "api --against http://192.0.2.1:8001;--against must be an http:// URL on loopback",
                "api --against https://127.0.0.1:8001;--against must be an http:// URL on loopback",
                "ingest rows;'rows' is neither key=value",
                "history --days 0;--days and --launches take a whole number of at least 1",
                "history --launches x;'x' is not an int",
                "nosuch;Unmatched argument at index 0: 'nosuch'",
            })
    void badArgumentsAreUsageErrorsNamingWhatToFix(String args, String message) {
        assertThat(run(args.split(" "))).isEqualTo(64);
        assertThat(err.toString()).startsWith("banq bench: ").contains(message);
    }

    @Test
    void withoutABenchmarkItIsAUsageError() {
        assertThat(run()).isEqualTo(64);
        assertThat(err.toString()).contains("Missing required subcommand");
    }

    @Test
    void helpListsEveryBenchmark() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString())
                .contains("ingest")
                .contains("history")
                .contains("api")
                .contains("miner")
                .contains("jmh");
        assertThat(run("miner", "--help")).isZero();
        assertThat(out.toString()).contains("--json").contains("--threads").contains("--seconds");
    }

    @Test
    void jmhListsTheMicroBenchmarks() {
        // given: JMH prints to System.out
        PrintStream stdout = System.out;
        ByteArrayOutputStream listed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(listed, true, StandardCharsets.UTF_8));
        try {
            // when
            int code = run("jmh", "-l");

            // then
            assertThat(code).isZero();
        } finally {
            System.setOut(stdout);
        }
        assertThat(listed.toString(StandardCharsets.UTF_8))
                .contains("KeccakLoopsBenchmark.search")
                .contains("ChunkWriterBenchmark.writeChunk");
    }
}
