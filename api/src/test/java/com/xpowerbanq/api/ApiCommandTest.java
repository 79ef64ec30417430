package com.xpowerbanq.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiCommandTest {
    private final StringWriter err = new StringWriter();

    /** The options {@code args} give, as banq-api reads them. */
    private static ApiOptions parse(List<String> args) {
        ApiCommand command = new ApiCommand();
        new ApiCommandLine(command).parse(args.toArray(String[]::new));
        return command.options();
    }

    private static boolean helpAsked(List<String> args) {
        return new ApiCommandLine(new ApiCommand())
                .parse(args.toArray(String[]::new))
                .isUsageHelpRequested();
    }

    /** Runs banq-api with {@code args}; its exit code, stderr in {@link #err}. */
    private int run(List<String> args) {
        ApiCommandLine runner = new ApiCommandLine(new ApiCommand());
        runner.picocli().setErr(new PrintWriter(err, true));
        runner.picocli().setOut(new PrintWriter(new StringWriter(), true));
        return runner.execute(args.toArray(String[]::new));
    }

    @Test
    void noFlagsGiveTheOriginalDefaults() {
        ApiOptions options = parse(List.of());

        assertThat(options.host()).isEqualTo("127.0.0.1");
        assertThat(options.port()).isEqualTo(8001);
        assertThat(options.dbPath()).isEqualTo(Path.of("/srv/db"));
        assertThat(options.stateDirs()).containsExactly(Path.of("/var/lib/banq"));
        assertThat(options.maxRows()).isEqualTo(90);
        assertThat(options.corsOrigins())
                .containsExactly(
                        "https://www.xpowermine.com",
                        "https://www.xpowerbanq.com",
                        "http://localhost:5173");
        assertThat(options.pool().maxOpen()).isEqualTo(20);
        assertThat(options.pool().maxIdle()).isEqualTo(10);
    }

    @Test
    void shortFlagsAreRead() {
        ApiOptions options =
                parse(
                        List.of(
                                "-R",
                                "100",
                                "-P",
                                "/var/lib/db",
                                "-p",
                                "9000",
                                "-H",
                                "0.0.0.0",
                                "-O",
                                "[\"https://test.com\"]"));

        assertThat(options.maxRows()).isEqualTo(100);
        assertThat(options.dbPath()).isEqualTo(Path.of("/var/lib/db"));
        assertThat(options.port()).isEqualTo(9000);
        assertThat(options.host()).isEqualTo("0.0.0.0");
        assertThat(options.corsOrigins()).containsExactly("https://test.com");
    }

    @Test
    void longFlagsWithSpaceOrEqualsAndGoSingleDashFormsAreRead() {
        ApiOptions options =
                parse(
                        List.of(
                                "--max-rows=50",
                                "--db-path",
                                "/data",
                                "-port",
                                "8080",
                                "--cors-origins=[]",
                                "--db.max-open",
                                "4",
                                "--db.max-idle=2",
                                "--host=::1"));

        assertThat(options.maxRows()).isEqualTo(50);
        assertThat(options.dbPath()).isEqualTo(Path.of("/data"));
        assertThat(options.port()).isEqualTo(8080);
        assertThat(options.corsOrigins()).isEmpty();
        assertThat(options.pool().maxOpen()).isEqualTo(4);
        assertThat(options.pool().maxIdle()).isEqualTo(2);
        assertThat(options.host()).isEqualTo("::1");
    }

    @Test
    void goOneDashLongFlagsTakeEqualsTooAndARepeatedFlagKeepsItsLastValue() {
        ApiOptions options = parse(List.of("-db-path=/x", "-p=9000", "-max-rows", "3", "-L=4"));

        assertThat(options.dbPath()).isEqualTo(Path.of("/x"));
        assertThat(options.port()).isEqualTo(9000);
        assertThat(options.maxRows()).isEqualTo(4);
    }

    @Test
    void stateDirectoriesReplaceTheDefaultAndAddUp() {
        assertThat(parse(List.of("-S", "var/demo/lib")).stateDirs())
                .containsExactly(Path.of("var/demo/lib"));
        assertThat(
                        parse(
                                        List.of(
                                                "-S",
                                                "/a",
                                                "--state-dir",
                                                "/b",
                                                "--state-dir=/c",
                                                "-state-dir",
                                                "/d"))
                                .stateDirs())
                .containsExactly(Path.of("/a"), Path.of("/b"), Path.of("/c"), Path.of("/d"));
    }

    @Test
    void dashLIsMaxRowsToo() {
        assertThat(parse(List.of("-L", "7")).maxRows()).isEqualTo(7);
    }

    @Test
    void helpIsAskedForWithShortAndLongFlag() {
        assertThat(helpAsked(List.of("-h"))).isTrue();
        assertThat(helpAsked(List.of("-p", "1", "--help"))).isTrue();
        assertThat(helpAsked(List.of("-help"))).isTrue();
        assertThat(helpAsked(List.of("-p", "1"))).isFalse();
        assertThat(new picocli.CommandLine(new ApiCommand()).getUsageMessage())
                .contains(
                        "-h, --help",
                        "-R, -L, --max-rows",
                        "-P, --db-path",
                        "-S, --state-dir",
                        "-p, --port",
                        "-O, --cors-origins",
                        "-H, --host",
                        "--db.max-open",
                        "--db.max-idle",
                        "default: 90",
                        "default: /srv/db",
                        "default: /var/lib/banq",
                        "default: 8001");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "--nope 1|Unknown options: '--nope', '1'",
                "-p|Missing required parameter for option '--port'",
                "-p x|Invalid value for option '--port': 'x' is not an int",
                "-p 70000|flag --port must be in 0..65535, got 70000",
                "-R 0|flag --max-rows must be in 1..100000, got 0",
                "-S|Missing required parameter for option '--state-dir'",
                "--db.max-open 0|flag --db.max-open must be in 1..1000, got 0",
                "-O not-json|flag --cors-origins needs a JSON array of origins",
                "-O {\"k\":1}|flag --cors-origins needs a JSON array of origins",
                "stray|Unmatched argument at index 0: 'stray'",
            })
    void badFlagsAreUsageErrorsNamingTheFlag(String line, String message) {
        // when
        int code = run(List.of(line.split(" ")));

        // then
        assertThat(code).isEqualTo(64);
        assertThat(err.toString())
                .startsWith("banq-api: " + message)
                .contains("(see banq-api --help)");
    }

    @Test
    void aDbPathThatIsAFileIsAUsageError(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("db"), "");

        assertThat(run(List.of("-P", file.toString()))).isEqualTo(64);
        assertThat(err.toString())
                .startsWith("banq-api: --db-path " + file + " is not a directory");
    }

    @Test
    void aPortInUseExits69SayingWhere() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            assertThat(run(List.of("-p", Integer.toString(port), "-P", "/nonexistent")))
                    .isEqualTo(69);
            assertThat(err.toString())
                    .startsWith("banq-api: cannot listen on 127.0.0.1:" + port + ": ");
        }
    }
}
