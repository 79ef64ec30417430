package com.xpowerbanq.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

/** fail2ban-regex with the project's filter in one of its modes; the log lines that matched. */
final class Fail2banRegex {
    private Fail2banRegex() {}

    static List<String> matches(Path log, String mode) {
        String tool = Executables.require("fail2ban-regex", "fail2ban");
        Path filter = Repository.infra("fail2ban", "filter.d", "nginx-banq.conf");
        Command.Result result =
                Command.run(
                        List.of(
                                tool,
                                "--print-all-matched",
                                "--print-no-missed",
                                log.toString(),
                                filter + "[mode=" + mode + "]"));
        assertThat(result.ok()).as("fail2ban-regex:%n%s", result.output()).isTrue();
        assertThat(result.output()).contains("Lines:");
        return result.output()
                .lines()
                .dropWhile(line -> !line.startsWith("|- Matched line(s):"))
                .skip(1)
                .takeWhile(line -> line.startsWith("|  "))
                .map(line -> line.substring(3))
                .toList();
    }
}
