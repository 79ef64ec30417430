package com.xpowerbanq.batch.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.xpowerbanq.batch.cli.Console;
import com.xpowerbanq.batch.keeper.KeeperDevnet;
import com.xpowerbanq.batch.schedule.BanqBatchProcess;
import com.xpowerbanq.devnet.Devnet;
import com.xpowerbanq.devnet.DevnetOptions;
import com.xpowerbanq.schema.Catalogue;
import com.xpowerbanq.schema.Series;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code banq-batch serve} as a child process on a devnet, looked at as an operator's tools look at
 * it: Prometheus' promtool on the scrape, the values against the chain and the series databases,
 * the health probes, and the status page rendered by headless Chromium.
 */
class ServeObservabilityIT {
    private static final Pattern SAMPLE =
            Pattern.compile("^(banq_series_[a-z_]+)\\{run=\"v10a\",series=\"([^\"]+)\"} (\\S+)$");
    private static final Duration SCRAPED = Duration.ofMinutes(4);

    @TempDir static Path state;
    static Devnet devnet;
    static Process serve;
    static Path output;
    static String base;
    static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        devnet =
                Devnet.start(
                        DevnetOptions.defaults().withDays(1).withStateDir(state.resolve("devnet")));
        int port = BanqBatchProcess.freePort();
        base = "http://127.0.0.1:" + port;
        output = state.resolve("serve.log");
        Path keyFile = KeeperDevnet.keyFile(state, devnet.account(5));
        // both index jobs every few seconds from the deployment, the keepers as dry runs, so the
        // chain stands still while the test compares
        serve =
                BanqBatchProcess.start(
                        devnet,
                        state.resolve("banq"),
                        Map.of(
                                BanqBatchProcess.MANAGEMENT_PORT,
                                String.valueOf(port),
                                "PRIVATE_KEY_FILE",
                                keyFile.toString()),
                        output,
                        List.of(
                                "serve",
                                "--banq.status.refresh=1s",
                                "--banq.schedule.jitter=0s",
                                "--banq.schedule.reindex-watch.cron=*/5 * * * * ?",
                                "--banq.schedule.reindex-watch.parameters.from=deploy",
                                "--banq.schedule.retwap-watch.cron=*/5 * * * * ?",
                                "--banq.schedule.retwap-watch.parameters.from=deploy",
                                "--banq.schedule.retwap.cron=*/5 * * * * ?",
                                "--banq.schedule.retwap.parameters.broadcast=false",
                                "--banq.schedule.reindex.enabled=false"));
        try {
            await().atMost(SCRAPED)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(
                            () ->
                                    samples("banq_series_last_block").size()
                                            == Catalogue.all().size());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(
                    "awaited every series' last block at "
                            + base
                            + "/actuator/prometheus, saw "
                            + samples("banq_series_last_block").keySet()
                            + "; serve's output:\n"
                            + Files.readString(output),
                    e);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (serve != null) {
            serve.destroy();
            if (!serve.waitFor(60, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
        if (devnet != null) {
            devnet.close();
        }
    }

    @Test
    void theScrapePassesPromtoolAndItsValuesMatchTheChainAndTheDatabases() throws Exception {
        // given
        String scrape = get("/actuator/prometheus").body();

        // when
        Tool all = Tool.run(Duration.ofSeconds(60), scrape, "promtool", "check", "metrics");
        String ours =
                scrape.lines()
                        .filter(line -> line.matches("^(# (HELP|TYPE) )?banq_.*"))
                        .collect(Collectors.joining("\n", "", "\n"));
        Tool banq = Tool.run(Duration.ofSeconds(60), ours, "promtool", "check", "metrics");

        // then: the whole scrape parses (3 means lint findings only, which the libraries' own
        // meters have), and ours are clean
        assertThat(all.code()).as(all.err()).isIn(0, 3);
        assertThat(all.err()).doesNotContain("banq_");
        assertThat(banq.code()).as(banq.err()).isZero();
        assertThat(scrape)
                .contains("banq_schedule_next_fire_timestamp_seconds{schedule=\"retwap\"}")
                .contains(
                        "banq_schedule_last_success_timestamp_seconds{schedule=\"reindex-watch\"}")
                .contains("banq_keeper_balance_wei{run=\"v10a\"}")
                .contains(
                        "banq_rpc_requests_total{endpoint=\"0\",method=\"eth_getLogs\",outcome=\"ok\"}")
                .contains("banq_rpc_request_duration_seconds_bucket{endpoint=\"0\"")
                .contains("spring_batch_job_seconds_count")
                .contains("spring_batch_step_seconds_count")
                .contains("spring_batch_chunk_write_seconds_count")
                .doesNotContain("127.0.0.1:" + devnet.rpcUrl().replaceAll(".*:", ""));
        assertThat(scrape.lines().filter(l -> l.startsWith("banq_keeper_transactions_total")))
                .isNotEmpty()
                .allMatch(l -> l.contains("job=\"retwap\"") && l.contains("run=\"v10a\""));

        long head = devnet.latestBlockNumber();
        Map<String, Double> last = samples("banq_series_last_block");
        Map<String, Double> lag = samples("banq_series_head_lag_blocks");
        Map<String, Double> rows = samples("banq_series_rows");
        for (Series series : Catalogue.all()) {
            SeriesProgress progress =
                    SeriesProgress.read(
                            state.resolve("banq").resolve(series.stateFile()), series.kind());
            assertThat(last.get(series.instanceId()))
                    .as("last block of %s", series)
                    .isEqualTo(progress.lastBlockNumber().doubleValue());
            assertThat(lag.get(series.instanceId()))
                    .as("lag of %s", series)
                    .isEqualTo((double) (head - progress.lastBlockNumber()))
                    .isGreaterThanOrEqualTo(Devnet.FINALITY_BLOCKS - 1);
            assertThat(rows.get(series.instanceId())).isEqualTo((double) progress.rows());
        }
        assertThat(rows.values().stream().mapToDouble(Double::doubleValue).sum()).isPositive();
    }

    @Test
    void livenessAndReadinessAreUpWhileTheRepositoryIsWritableAndTheChainAnswers()
            throws Exception {
        // when
        HttpResponse<String> liveness = get("/actuator/health/liveness");
        HttpResponse<String> readiness = get("/actuator/health/readiness");

        // then
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).contains("\"status\":\"UP\"");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void theStatusPageInHeadlessChromiumShowsEverySeriesAndNoError() throws Exception {
        // given
        Path target = Path.of("target");
        Path screenshot = target.resolve("status-page.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        Path profile = Files.createTempDirectory(state, "chromium");

        // when
        Tool dom = chromium(profile.resolve("dom"), "--dump-dom", base + "/status");
        Tool shot =
                chromium(
                        profile.resolve("shot"),
                        "--window-size=412,915",
                        "--screenshot=" + screenshot,
                        base + "/status");

        // then
        assertThat(dom.code()).as(dom.err()).isZero();
        assertThat(shot.code()).as(shot.err()).isZero();
        assertThat(screenshot).isNotEmptyFile();
        String page = dom.out();
        assertThat(page)
                .contains(
                        "<table id=\"series\">",
                        "<table id=\"schedules\">",
                        "<table id=\"executions\">")
                .contains("http-equiv=\"refresh\"", "name=\"viewport\"")
                .contains("chain head: block " + devnet.latestBlockNumber());
        for (Series series : Catalogue.all()) {
            assertThat(page)
                    .contains(
                            "<tr data-series=\""
                                    + series.instanceId()
                                    + "\"><td>v10a</td><td>"
                                    + series.instanceId()
                                    + "</td><td>"
                                    + series.apiName()
                                    + "</td>");
        }
        assertThat(page.toLowerCase())
                .doesNotContain("error")
                .doesNotContain("exception")
                .doesNotContain("unreadable")
                .doesNotContain("no endpoint answers")
                .doesNotContain("<script");
        assertThat(page).contains("reindex-watch").contains("COMPLETED").contains("HELD");
    }

    @Test
    void statusJsonGivesScriptsWhatThePageShows() throws Exception {
        // when
        Console status =
                Console.run(
                        "",
                        "status",
                        "--json",
                        "--state-dir=" + state.resolve("banq"),
                        "--banq.chain.provider-url=" + devnet.rpcUrl(),
                        "--banq.chain.contracts-file=" + devnet.registryFile());

        // then
        assertThat(status.code()).as(status.err()).isZero();
        var json = new tools.jackson.databind.ObjectMapper().readTree(status.out());
        assertThat(json.get("headBlock").asLong()).isEqualTo(devnet.latestBlockNumber());
        assertThat(json.get("series")).hasSize(Catalogue.all().size());
        Map<String, Double> last = samples("banq_series_last_block");
        for (var series : json.get("series")) {
            assertThat(series.get("lastBlock").asDouble())
                    .isEqualTo(last.get(series.get("series").asString()));
            assertThat(series.get("run").asString()).isEqualTo("v10a");
        }
        assertThat(json.get("schedules")).hasSize(4);
        assertThat(json.get("executions")).isNotEmpty();
    }

    @Test
    void serveLogsOneLinePerRunAndNoWindowLines() throws Exception {
        // given
        Pattern indexRun =
                Pattern.compile(
                        "reindex-watch: fired \\(cron, [^)]*\\), execution \\d+ COMPLETED in"
                                + " [0-9.]+ s, 28 series done, 0 failed, \\d+ events written");
        Pattern keeperRun =
                Pattern.compile(
                        "retwap: fired \\(cron, [^)]*\\), execution \\d+ COMPLETED in [0-9.]+"
                                + " s, 14 series done, 0 failed, 0 transactions sent");

        // when
        await().atMost(Duration.ofMinutes(1))
                .until(
                        () -> {
                            String log = Files.readString(output);
                            return indexRun.matcher(log).find() && keeperRun.matcher(log).find();
                        });

        // then
        assertThat(Files.readString(output)).doesNotContain("[window").doesNotContain(" held");
    }

    private static Tool chromium(Path profile, String... arguments) throws Exception {
        List<String> all =
                new java.util.ArrayList<>(
                        List.of(
                                "--headless",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--user-data-dir=" + profile));
        all.addAll(List.of(arguments));
        return Tool.run(Duration.ofSeconds(120), "", "chromium", all.toArray(String[]::new));
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The series samples of one gauge: series id to value, NaN left out. */
    private static Map<String, Double> samples(String gauge) {
        Map<String, Double> values = new HashMap<>();
        String scrape;
        try {
            scrape = get("/actuator/prometheus").body();
        } catch (Exception notYet) {
            return values;
        }
        for (String line : scrape.lines().toList()) {
            Matcher m = SAMPLE.matcher(line);
            if (m.matches() && m.group(1).equals(gauge) && !m.group(3).equals("NaN")) {
                values.put(m.group(2), Double.parseDouble(m.group(3)));
            }
        }
        return values;
    }
}
