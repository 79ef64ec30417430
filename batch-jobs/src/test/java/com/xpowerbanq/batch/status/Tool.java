package com.xpowerbanq.batch.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A command-line tool the tests run for real (promtool, chromium), found on PATH where
 * infra/setup-test-tools.sh installs it: its exit code and output, within a deadline.
 */
record Tool(int code, String out, String err) {

    static Path find(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError(
                name + " is not on PATH: run infra/setup-test-tools.sh (./banq test does)");
    }

    static Tool run(Duration deadline, String stdin, String name, String... arguments)
            throws Exception {
        List<String> command = new ArrayList<>();
        command.add(find(name).toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).start();
        // both streams are read on their own threads so that a chatty tool cannot block on a
        // full pipe
        CompletableFuture<String> out = drain(process.getInputStream());
        CompletableFuture<String> err = drain(process.getErrorStream());
        try (var in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        boolean ended = process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        assertThat(ended).as("%s ended within %s", command, deadline).isTrue();
        return new Tool(
                process.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        CompletableFuture<String> text = new CompletableFuture<>();
        Thread.ofVirtual()
                .start(
                        () -> {
                            try {
                                text.complete(
                                        new String(stream.readAllBytes(), StandardCharsets.UTF_8));
                            } catch (Exception e) {
                                text.completeExceptionally(e);
                            }
                        });
        return text;
    }
}
