package com.xpowerbanq.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus server on a free loopback port, with temporary storage and the sample
 * configuration infra/prometheus/prometheus.banq.yml: its jobs that {@code targets} names scrape
 * those addresses every second (the others are left out), and its rule file is the repository's.
 */
final class LoopbackPrometheus implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JOB = "  - job_name: ";

    private final Process process;
    private final Path log;
    private final int port;
    private final HttpClient client = HttpClient.newHttpClient();

    private LoopbackPrometheus(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * The sample configuration with {@code targets} (job name to host:port) in place of its own and
     * the repository's rule file, scraped every second.
     */
    static String configuration(Map<String, String> targets) throws IOException {
        String sample = Files.readString(Repository.infra("prometheus", "prometheus.banq.yml"));
        sample =
                sample.replace(
                                "/etc/prometheus/rules/banq.rules.yml",
                                Repository.infra("prometheus", "banq.rules.yml").toString())
                        .replace("scrape_interval: 30s", "scrape_interval: 1s")
                        .replace("evaluation_interval: 30s", "evaluation_interval: 1s");
        String[] parts = sample.split("(?m)^(?=" + JOB + ")");
        StringBuilder out = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            String job = parts[i].substring(JOB.length(), parts[i].indexOf('\n')).strip();
            String target = targets.get(job);
            if (target != null) {
                out.append(
                        parts[i].replaceAll(
                                "targets: \\[\"[^\"]*\"\\]", "targets: [\"" + target + "\"]"));
            }
        }
        return out.toString();
    }

    /**
     * Starts {@code prometheus} in {@code work} with the sample configuration for {@code targets}.
     */
    static LoopbackPrometheus start(Path work, Map<String, String> targets) throws IOException {
        String prometheus = Executables.require("prometheus", "prometheus");
        Path config = work.resolve("prometheus.yml");
        Files.writeString(config, configuration(targets));
        int port = LoopbackNginx.freePort();
        Path log = work.resolve("prometheus.log");
        Process process =
                new ProcessBuilder(
                                prometheus,
                                "--config.file=" + config,
                                "--storage.tsdb.path="
                                        + Files.createDirectories(work.resolve("tsdb")),
                                "--web.listen-address=127.0.0.1:" + port,
                                "--log.level=warn")
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        return new LoopbackPrometheus(process, log, port);
    }

    /** The health ("up", "down", "unknown") of each active target, by job. */
    Map<String, String> targetHealth() throws IOException {
        JsonNode targets = api("/api/v1/targets").path("data").path("activeTargets");
        var health = new java.util.TreeMap<String, String>();
        targets.forEach(
                t -> health.put(t.path("labels").path("job").asText(), t.path("health").asText()));
        return health;
    }

    /** The label sets of the series an instant query returns. */
    List<JsonNode> query(String promql) throws IOException {
        JsonNode result =
                api("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8))
                        .path("data")
                        .path("result");
        List<JsonNode> series = new ArrayList<>();
        result.forEach(r -> series.add(r.path("metric")));
        return series;
    }

    /** The names of the rule groups the server loaded. */
    List<String> ruleGroups() throws IOException {
        List<String> names = new ArrayList<>();
        api("/api/v1/rules")
                .path("data")
                .path("groups")
                .forEach(g -> names.add(g.path("name").asText()));
        return names;
    }

    private JsonNode api(String path) throws IOException {
        if (!process.isAlive()) {
            throw new IllegalStateException("prometheus exited:\n" + Files.readString(log));
        }
        try {
            HttpResponse<String> response =
                    client.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking prometheus for " + path, e);
        }
    }

    /** What the server printed, for failure messages. */
    String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
