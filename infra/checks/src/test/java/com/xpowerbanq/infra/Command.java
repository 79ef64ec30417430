package com.xpowerbanq.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs an external tool to its end and keeps its combined output for assertions and messages. */
final class Command {
    private static final long TIMEOUT_SECONDS = 180;

    private Command() {}

    /** The exit code and everything the tool printed (stdout and stderr, interleaved). */
    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    static Result run(List<String> argv) {
        return run(argv, null, Map.of());
    }

    static Result run(List<String> argv, Path workDir, Map<String, String> env) {
        var builder = new ProcessBuilder(argv).redirectErrorStream(true);
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        builder.environment().putAll(env);
        return run(builder, argv, new byte[0]);
    }

    /** The tool reads {@code input} on its standard input. */
    static Result runWithInput(List<String> argv, byte[] input) {
        return run(new ProcessBuilder(argv).redirectErrorStream(true), argv, input);
    }

    private static Result run(ProcessBuilder builder, List<String> argv, byte[] input) {
        try {
            Process process = builder.start();
            try (var stdin = process.getOutputStream()) {
                stdin.write(input);
            }
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", argv));
            }
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", argv), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", argv), e);
        }
    }
}
