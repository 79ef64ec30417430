package com.xpowerbanq.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real banq-api jar with --metrics-port: its metrics pass {@code promtool check metrics}, and a
 * real Prometheus server with the sample configuration scrapes it, reports its target up and loads
 * the alert rules. Other daemons join by adding their job and address to {@link #targets()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrometheusScrapeIT {
    @TempDir static Path work;

    private ApiProcess api;
    private int apiMetricsPort;
    private LoopbackPrometheus prometheus;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    void startApiAndPrometheus() throws Exception {
        Path dbPath = Files.createDirectories(work.resolve("db"));
        apiMetricsPort = LoopbackNginx.freePort();
        api =
                ApiProcess.start(
                        dbPath, work, List.of("--metrics-port", Integer.toString(apiMetricsPort)));
        await().atMost(Duration.ofSeconds(60)).until(() -> api.healthy(client));
        // an answer of each kind: a 200, a 503 for an absent database, a 404
        get(api.port(), "/health");
        get(api.port(), "/ri_absent_supply_0/daily_average.json?lhs=2025-01-01&rhs=2025-01-02");
        get(api.port(), "/nope");
        prometheus =
                LoopbackPrometheus.start(
                        Files.createDirectories(work.resolve("prometheus")), targets());
    }

    /** Job name of the sample configuration to the address this test started it on. */
    private Map<String, String> targets() {
        return Map.of("banq-api", "127.0.0.1:" + apiMetricsPort);
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (prometheus != null) {
            prometheus.close();
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    void apiMetricsPassPromtoolsLint() throws Exception {
        // given
        HttpResponse<String> scrape = get(apiMetricsPort, "/metrics");

        // when
        Command.Result lint =
                Command.runWithInput(
                        List.of(Executables.require("promtool", "prometheus"), "check", "metrics"),
                        scrape.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));

        // then
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(lint.ok()).as(lint.output()).isTrue();
        assertThat(scrape.body())
                .contains("banq_api_requests_seconds_bucket{route=\"/health\",status=\"200\"")
                .contains("banq_api_requests_seconds_count{route=\"unmatched\",status=\"404\"}")
                .contains("status=\"503\"");
    }

    @Test
    void prometheusScrapesEveryTargetAndLoadsTheRules() throws Exception {
        await("every target of " + targets() + " up in Prometheus")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(
                        () ->
                                assertThat(prometheus.targetHealth())
                                        .as(prometheus.log())
                                        .containsOnlyKeys(targets().keySet())
                                        .allSatisfy(
                                                (job, health) ->
                                                        assertThat(health).isEqualTo("up")));
        await("the API's request counters in Prometheus")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(
                        () ->
                                assertThat(
                                                prometheus.query(
                                                        "banq_api_requests_seconds_count{job=\"banq-api\"}"))
                                        .isNotEmpty());
        assertThat(prometheus.ruleGroups())
                .contains("banq-series", "banq-jobs", "banq-api", "banq-miner", "banq-targets");
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
