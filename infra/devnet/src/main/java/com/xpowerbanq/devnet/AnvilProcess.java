package com.xpowerbanq.devnet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One anvil on 127.0.0.1. It is started through a small shell guard that kills it when our end of
 * its stdin closes, so anvil dies with the JVM even on SIGKILL; close() and a shutdown hook stop it
 * (and the guard) otherwise.
 */
final class AnvilProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AnvilProcess.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final int PORT_ATTEMPTS = 5;
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);
    private static final int TAIL_LINES = 20;

    /** exec's anvil in place of the shell; the background reader kills it when stdin closes. */
    private static final String GUARD =
            "exec 3<&0; (read -r _ <&3; kill \"$$\" 2>/dev/null) & exec \"$0\" \"$@\"";

    private static final Set<AnvilProcess> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> List.copyOf(LIVE).forEach(AnvilProcess::close),
                                "devnet-anvil-stop"));
    }

    private final Process process;
    private final OutputStream guardPipe;
    private final int port;
    private final Path logFile;

    private AnvilProcess(Process process, int port, Path logFile) {
        this.process = process;
        this.guardPipe = process.getOutputStream();
        this.port = port;
        this.logFile = logFile;
    }

    /**
     * Starts anvil with the given genesis timestamp and waits until it answers JSON-RPC; its output
     * goes to {@code logFile}, whose last lines say why it stopped when it does.
     */
    static AnvilProcess start(Path binary, int port, long genesis, Path logFile) {
        int attempts = port == 0 ? PORT_ATTEMPTS : 1;
        DevnetException last = null;
        for (int i = 0; i < attempts; i++) {
            int chosen = port == 0 ? freePort() : port;
            try {
                return startOn(binary, chosen, genesis, logFile);
            } catch (DevnetException e) {
                last = e;
                log.debug("anvil did not start on port {}: {}", chosen, e.getMessage());
            }
        }
        throw last;
    }

    private static AnvilProcess startOn(Path binary, int port, long genesis, Path logFile) {
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", GUARD));
        command.add(binary.toString());
        command.addAll(
                List.of(
                        "--host", "127.0.0.1",
                        "--port", Integer.toString(port),
                        "--timestamp", Long.toString(genesis),
                        "--chain-id", Long.toString(Devnet.CHAIN_ID),
                        "--accounts", Integer.toString(DevAccounts.COUNT)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new DevnetException("cannot run anvil '" + binary + "': " + e.getMessage(), e);
        }
        AnvilProcess anvil = new AnvilProcess(process, port, logFile);
        LIVE.add(anvil);
        try {
            anvil.awaitReady();
        } catch (RuntimeException e) {
            anvil.close();
            throw e;
        }
        log.info("anvil {} answers on {} (pid {})", binary, anvil.url(), process.pid());
        return anvil;
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
        HttpRequest probe =
                HttpRequest.newBuilder(URI.create(url()))
                        // whatever holds the port may take the connection and never answer
                        .timeout(PROBE_TIMEOUT)
                        .header("Content-Type", "application/json")
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}"))
                        .build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        long pause = 5;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new DevnetException(
                        "anvil exited with status "
                                + process.exitValue()
                                + " before answering on port "
                                + port
                                + "; last lines of "
                                + logFile
                                + ":\n"
                                + logTail());
            }
            try {
                HttpResponse<String> response =
                        http.send(probe, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"result\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet, or not anvil answering
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DevnetException("interrupted while waiting for anvil", e);
            }
            try {
                // the one wait in the harness: anvil's socket appears within a few milliseconds
                process.waitFor(pause, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DevnetException("interrupted while waiting for anvil", e);
            }
            pause = Math.min(pause * 2, 100);
        }
        throw new DevnetException("anvil did not answer on " + url() + " within " + READY_TIMEOUT);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /**
     * Why anvil is gone, in its own words: its exit status and the last lines of its log (anvil
     * prints its error there, e.g. "Address already in use").
     */
    String exitReport() {
        String status =
                process.isAlive()
                        ? "anvil still runs (pid " + process.pid() + ")"
                        : "anvil exited with status " + process.exitValue();
        return status + "; last lines of " + logFile + ":\n" + logTail();
    }

    /** The last lines anvil wrote. */
    String logTail() {
        return LogTail.of(logFile, TAIL_LINES);
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Process process() {
        return process;
    }

    /** anvil and its guard, as long as anvil runs. */
    List<ProcessHandle> processes() {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(process.toHandle());
        all.addAll(process.descendants().toList());
        return all;
    }

    /** Stops anvil (waiting for it) and its guard. Idempotent. */
    @Override
    public void close() {
        if (!LIVE.remove(this)) {
            return;
        }
        // the guard is anvil's child: anvil never reaps it, so kill it once anvil is gone and
        // init has adopted it; its pipe stays open until then, so it never signals a reused pid
        List<ProcessHandle> guards = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        guards.forEach(ProcessHandle::destroyForcibly);
        try {
            guardPipe.close();
        } catch (IOException e) {
            log.debug("closing anvil's guard pipe: {}", e.getMessage());
        }
        log.info("anvil on port {} stopped", port);
    }
}
