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
 * The real banq-api jar with --metrics-port and the real banq-batch jar running {@code serve}: the
 * API's metrics pass {@code promtool check metrics}, and a real Prometheus server with the sample
 * configuration scrapes both, reports their targets up, holds the daemon's series gauges and loads
 * the alert rules. Other daemons join by adding their job and address to {@link #targets()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrometheusScrapeIT {
    @TempDir static Path work;

    private ApiProcess api;
    private int apiMetricsPort;
    private BatchServeProcess batch;
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
        batch = BatchServeProcess.start(Files.createDirectories(work.resolve("batch")));
        try {
            await("banq-batch serve live on its management port")
                    .atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptionsInstanceOf(java.io.IOException.class)
                    .until(
                            () ->
                                    get(batch.managementPort(), "/actuator/health/liveness")
                                                    .statusCode()
                                            == 200);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("banq-batch serve did not come up:\n" + batch.output(), e);
        }
        prometheus =
                LoopbackPrometheus.start(
                        Files.createDirectories(work.resolve("prometheus")), targets());
    }

    /** Job name of the sample configuration to the address this test started it on. */
    private Map<String, String> targets() {
        return Map.of(
                "banq-api",
                "127.0.0.1:" + apiMetricsPort,
                "banq-batch",
                "127.0.0.1:" + batch.managementPort());
    }

    @AfterAll
    void stop() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
        if (api != null) {
            api.close();
        }
        if (batch != null) {
            batch.close();
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
        assertThat(
                        seriesOf(
                                "the API's request counters",
                                "banq_api_requests_seconds_count{job=\"banq-api\"}"))
                .isNotEmpty();
        // every series of the catalogue, labelled with its run; without a chain their values are
        // NaN
        assertThat(
                        seriesOf(
                                "the daemon's series lag",
                                "banq_series_head_lag_blocks{job=\"banq-batch\",run=\"v10a\"}"))
                .hasSize(42);
        assertThat(prometheus.ruleGroups())
                .contains("banq-series", "banq-jobs", "banq-api", "banq-miner", "banq-targets");
    }

    /** The series {@code promql} returns, once Prometheus has scraped any. */
    private List<com.fasterxml.jackson.databind.JsonNode> seriesOf(String what, String promql) {
        return await(what + " in Prometheus")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> prometheus.query(promql), series -> !series.isEmpty());
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
