package com.xpowerbanq.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line of `banq devnet`: bad flags exit 64 with a message naming the flag. */
class DevnetMainTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = ';',
            value = {
                "--days;--days needs a value",
                "--days x;--days must be a whole number, got 'x'",
                "--days -1;--days must be in 0..3650, got -1",
                "--port 0;--port must be in 1..65535, got 0",
                "--port 70000;--port must be in 1..65535, got 70000",
                "--state-dir;--state-dir needs a value",
                "--verbose;unknown argument '--verbose'",
            })
    void badFlagsExitWithUsageAndSayWhatToFix(String args, String message) {
        // given
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        // when
        int status =
                DevnetMain.run(
                        args.split(" "),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));

        // then
        assertThat(status).isEqualTo(64);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("banq devnet: " + message)
                .contains("usage: banq devnet");
    }

    @Test
    void flagsAreReadWithTheirDefaults() throws Exception {
        assertThat(DevnetMain.parse(new String[0]))
                .isEqualTo(new DevnetMain.Args(30, 0, Path.of("var/devnet").toAbsolutePath()));
        assertThat(DevnetMain.parse("--days 3 --port 18545 --state-dir /tmp/x".split(" ")))
                .isEqualTo(new DevnetMain.Args(3, 18545, Path.of("/tmp/x")));
        assertThat(DevnetMain.parse(new String[] {"--help"})).isNull();
    }
}
