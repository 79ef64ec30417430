package com.xpowerbanq.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Fail2banTest {
    @TempDir Path scratch;

    /** The cases file names the expectation by client address; see its header. */
    @ParameterizedTest
    @CsvSource({"ratelimit, 1, 99", "scan, 100, 199", "all, 1, 199"})
    void filterMatchesExactlyTheHitsOfItsMode(String mode, int firstHit, int lastHit)
            throws Exception {
        // given
        Path cases = resource("fail2ban/access.log");
        IntPredicate hit = host -> host >= firstHit && host <= lastHit;
        List<String> expected =
                Files.readAllLines(cases).stream()
                        .filter(line -> line.startsWith("203.0.113."))
                        .filter(line -> hit.test(lastOctet(line)))
                        .toList();
        assertThat(expected).isNotEmpty();

        // when
        List<String> matched = Fail2banRegex.matches(cases, mode);

        // then
        assertThat(matched).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(matched).noneMatch(line -> line.startsWith("198.51.100."));
    }

    @Test
    void jailsLoadWithProgressiveBansFromOneHourToThirtyDays() throws IOException {
        // given: the packaged fail2ban configuration with the project's files added
        String client = Executables.require("fail2ban-client", "fail2ban");
        Path packaged = Path.of("/etc/fail2ban");
        assertThat(Files.isDirectory(packaged))
                .as("/etc/fail2ban, the configuration the fail2ban package installs, is missing")
                .isTrue();
        Path conf = scratch.resolve("fail2ban");
        copyTree(packaged, conf);
        for (String file :
                List.of("filter.d/nginx-banq.conf", "jail.d/nginx-banq.conf", "jail.d/sshd.conf")) {
            Files.copy(
                    Repository.infra("fail2ban", file),
                    conf.resolve(file),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }

        // when
        Command.Result test = Command.run(List.of(client, "-c", conf.toString(), "-t"));
        Command.Result dump = Command.run(List.of(client, "-c", conf.toString(), "-d"));

        // then
        assertThat(test.ok()).as("fail2ban-client -t:%n%s", test.output()).isTrue();
        for (String jail : List.of("nginx-banq-ratelimit", "nginx-banq-scan", "sshd")) {
            assertThat(dump.output())
                    .contains("['add', '" + jail + "',")
                    .contains("['set', '" + jail + "', 'bantime', '1h']")
                    .contains("['set', '" + jail + "', 'bantime.increment', True]")
                    .contains("['set', '" + jail + "', 'bantime.multipliers', '1 24 720']")
                    .contains("['set', '" + jail + "', 'bantime.maxtime', '30d']");
        }
    }

    private static int lastOctet(String line) {
        String host = line.substring(0, line.indexOf(' '));
        return Integer.parseInt(host.substring(host.lastIndexOf('.') + 1));
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(Fail2banTest.class.getClassLoader().getResource(name).toURI());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (Files.isReadable(file)) {
                    Files.copy(file, target);
                }
            }
        }
    }
}
