package com.xpowerbanq.infra;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The real banq-api jar as the operator runs it, on a free loopback port over a db path. */
final class ApiProcess implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final int port;

    private ApiProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static Path jar() {
        return Path.of(
                System.getProperty(
                        "banq.api.jar",
                        Repository.root().resolve("api/target/banq-api.jar").toString()));
    }

    /**
     * Starts the jar with the JVM flags of banq-api.service, or skips the calling test when the jar
     * has not been built.
     */
    static ApiProcess start(Path dbPath, Path workDir) throws IOException {
        return start(dbPath, workDir, List.of());
    }

    /** The same with more flags of banq-api after the address and db path. */
    static ApiProcess start(Path dbPath, Path workDir, List<String> flags) throws IOException {
        Path jar = jar();
        assumeThat(Files.isRegularFile(jar))
                .as(
                        "%s is not built: the proxy checks skip. Build it with"
                                + " `./banq build` or run the whole reactor (mvn verify)",
                        jar)
                .isTrue();
        int port = LoopbackNginx.freePort();
        Path log = workDir.resolve("api.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> argv = new ArrayList<>();
        argv.add(java);
        argv.addAll(
                SystemdUnitsTest.javaOpts(
                        Files.readString(Repository.infra("systemd", "banq-api.service"))));
        argv.addAll(
                List.of(
                        "-jar",
                        jar.toString(),
                        "-H",
                        "127.0.0.1",
                        "-p",
                        Integer.toString(port),
                        "-P",
                        dbPath.toString()));
        argv.addAll(flags);
        Process process =
                new ProcessBuilder(argv)
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        return new ApiProcess(process, log, port);
    }

    int port() {
        return port;
    }

    /** True once /health answers 200 on the API's own port. */
    boolean healthy(HttpClient client) throws IOException {
        if (!process.isAlive()) {
            throw new IllegalStateException("banq-api exited:\n" + Files.readString(log));
        }
        try {
            HttpResponse<String> response =
                    client.send(
                            HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + port + "/health"))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
