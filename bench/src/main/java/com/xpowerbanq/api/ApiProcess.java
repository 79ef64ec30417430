package com.xpowerbanq.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * banq-api in a JVM of its own, as production starts it: with the unit's JVM flags, optionally
 * pinned to some CPUs with {@code taskset}, so that its throughput and its memory are its own and
 * not shared with the load generator.
 */
final class ApiProcess implements AutoCloseable {
    private static final Duration START_LIMIT = Duration.ofSeconds(60);
    private static final long CLOCK_TICKS = 100; // USER_HZ: Linux reports CPU times in 1/100 s
    private static final Pattern LISTENING =
            Pattern.compile("API listening on http://127\\.0\\.0\\.1:(\\d+)");

    private final Process process;
    private final int port;

    private ApiProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts banq-api over {@code dbPath} on a free loopback port and waits until it listens.
     *
     * @param cpus a taskset CPU list ("0"), or null for every CPU
     */
    static ApiProcess start(List<String> jvmFlags, @Nullable String cpus, Path dbPath, int maxRows)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (cpus != null) {
            command.addAll(List.of("taskset", "-c", cpus));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.addAll(
                List.of("-cp", System.getProperty("java.class.path"), ApiMain.class.getName()));
        command.addAll(
                List.of(
                        "-H",
                        "127.0.0.1",
                        "-p",
                        "0",
                        "-P",
                        dbPath.toString(),
                        "-R",
                        Integer.toString(maxRows)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Deque<String> lastLines = new ArrayDeque<>();
        CompletableFuture<Integer> listening = new CompletableFuture<>();
        Thread.ofPlatform()
                .daemon()
                .name("banq-api-output")
                .start(() -> drain(process, lastLines, listening));
        try {
            return new ApiProcess(
                    process, listening.get(START_LIMIT.toSeconds(), TimeUnit.SECONDS));
        } catch (TimeoutException | ExecutionException e) {
            process.destroyForcibly();
            String seen;
            synchronized (lastLines) {
                seen = String.join("\n  ", lastLines);
            }
            throw new IOException(
                    "banq-api ("
                            + String.join(" ", command)
                            + ") did not say where it listens within "
                            + START_LIMIT.toSeconds()
                            + " s; its last lines:\n  "
                            + seen,
                    e);
        }
    }

    /** Reads the API's output to its end (so it never blocks) and reports the port it names. */
    private static void drain(
            Process process, Deque<String> lastLines, CompletableFuture<Integer> listening) {
        try (BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    listening.complete(Integer.parseInt(m.group(1)));
                }
                synchronized (lastLines) {
                    lastLines.addLast(line);
                    if (lastLines.size() > 20) {
                        lastLines.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            listening.completeExceptionally(e);
        }
        listening.completeExceptionally(new IOException("banq-api exited"));
    }

    int port() {
        return port;
    }

    /**
     * CPU time the API's JVM has used so far (user and system, from {@code /proc/PID/stat}), in
     * microseconds: per request, a figure that other work on the machine hardly bends.
     */
    long cpuMicros() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        // fields after the command name, which is in parentheses and may hold spaces
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
        return ticks * 1_000_000 / CLOCK_TICKS;
    }

    /** Resident memory of the API's JVM (VmRSS), in MiB. */
    double residentMiB() throws IOException {
        long pid = process.pid(); // taskset runs the JVM in its own process, as exec does
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        throw new IOException("no VmRSS in /proc/" + pid + "/status");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
