package com.xpowerbanq.miner.mine;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** {@code promtool check metrics} (Debian package prometheus) on a scrape. */
final class Promtool {
    private Promtool() {}

    /** promtool's complaints, empty when the metrics pass its lint. */
    static String checkMetrics(String metrics) throws IOException, InterruptedException {
        Process process =
                new ProcessBuilder(path().toString(), "check", "metrics")
                        .redirectErrorStream(true)
                        .start();
        try (var in = process.getOutputStream()) {
            in.write(metrics.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("promtool check metrics did not end within 60 s");
        }
        return process.exitValue() == 0 ? "" : "exit " + process.exitValue() + ": " + out;
    }

    private static Path path() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(
                        Stream.of(path.split(java.io.File.pathSeparator)), Stream.of("/usr/bin"))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, "promtool"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseGet(
                        () ->
                                fail(
                                        "promtool is not installed: install the Debian package"
                                                + " 'prometheus' (infra/setup-test-tools.sh does;"
                                                + " ./banq test runs it first)"));
    }
}
