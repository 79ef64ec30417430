package com.xpowerbanq.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiArgumentsTest {

    @Test
    void noFlagsGiveTheOriginalDefaults() throws Exception {
        ApiOptions options = ApiArguments.parse(List.of());

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
    void shortFlagsAreRead() throws Exception {
        ApiOptions options =
                ApiArguments.parse(
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
    void longFlagsWithSpaceOrEqualsAndGoSingleDashFormsAreRead() throws Exception {
        ApiOptions options =
                ApiArguments.parse(
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
    void stateDirectoriesReplaceTheDefaultAndAddUp() throws Exception {
        assertThat(ApiArguments.parse(List.of("-S", "var/demo/lib")).stateDirs())
                .containsExactly(Path.of("var/demo/lib"));
        assertThat(
                        ApiArguments.parse(
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
    void dashLIsMaxRowsToo() throws Exception {
        assertThat(ApiArguments.parse(List.of("-L", "7")).maxRows()).isEqualTo(7);
    }

    @Test
    void helpIsAskedForWithShortAndLongFlag() throws Exception {
        assertThat(ApiArguments.parse(List.of("-h"))).isNull();
        assertThat(ApiArguments.parse(List.of("-p", "1", "--help"))).isNull();
        assertThat(ApiArguments.HELP)
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
                "--nope 1|unknown flag --nope",
                "-p|flag -p needs a value",
                "-p x|flag -p needs a whole number, got 'x'",
                "-p 70000|flag -p must be in 0..65535, got 70000",
                "-R 0|flag -R must be in 1..100000, got 0",
                "-S|flag -S needs a value",
                "--db.max-open 0|flag --db.max-open must be in 1..1000, got 0",
                "-O not-json|flag -O needs a JSON array of origins",
                "-O {\"k\":1}|flag -O needs a JSON array of origins",
                "stray|unexpected argument 'stray'",
            })
    void badFlagsAreUsageErrorsNamingTheFlag(String line, String message) {
        assertThatThrownBy(() -> ApiArguments.parse(List.of(line.split(" "))))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith(message);
    }
}
