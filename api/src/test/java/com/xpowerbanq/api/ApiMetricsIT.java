package com.xpowerbanq.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * banq-api with {@code --metrics-port}: requests by route and status, answers by source, rows
 * served and each database's last day, scraped over a socket after known requests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiMetricsIT {
    private static final LocalDate FIRST = LocalDate.parse("2025-11-10");
    private static final String AVERAGES = "/ri_apow_supply_0/daily_average.json";

    @TempDir static Path dbPath;
    private ApiServer server;
    private RawHttp api;
    private RawHttp metrics;

    @BeforeAll
    void writeDatabasesAndStart() throws Exception {
        try (SeriesFiles ri = SeriesFiles.current(dbPath.resolve("ri_apow_supply_0.db"), true);
                SeriesFiles legacy =
                        SeriesFiles.legacy(dbPath.resolve("ri_apow_borrow_0.db"), true)) {
            for (int d = 0; d < 3; d++) {
                long noon = FIRST.plusDays(d).atStartOfDay().toEpochSecond(ZoneOffset.UTC) + 43_200;
                ri.reindex(noon, 0.25 * (d + 1));
                legacy.reindex(noon, 0.5);
            }
        }
        server = ApiServerFixture.startWithMetrics(dbPath);
        api = new RawHttp(server.port());
        metrics = new RawHttp(server.metricsPort());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void countsRequestsAnswersAndRowsAndShowsEachDatabasesLastDay() throws Exception {
        // given: three windows of one series (a query, then its snapshot twice), a revalidation,
        // a bad request and a path no route matches
        assertThat(api.get(window(0)).status()).isEqualTo(200);
        assertThat(api.get(window(1)).status()).isEqualTo(200);
        RawHttp.Response last = api.get(window(2));
        assertThat(last.status()).isEqualTo(200);
        assertThat(
                        api.send("GET", window(2), Map.of("If-None-Match", last.header("ETag")))
                                .status())
                .isEqualTo(304);
        assertThat(api.get(AVERAGES).status()).isEqualTo(400);
        assertThat(api.get("/no/such/route").status()).isEqualTo(404);

        // when
        RawHttp.Response scrape = metrics.get("/metrics");

        // then
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.header("Content-Type")).startsWith("text/plain; version=0.0.4");
        Map<String, Double> samples = samples(scrape.body());
        String route = "route=\"/{db}/daily_average.json\"";
        assertThat(samples)
                .containsEntry("banq_api_requests_seconds_count{" + route + ",status=\"200\"}", 3.0)
                .containsEntry("banq_api_requests_seconds_count{" + route + ",status=\"304\"}", 1.0)
                .containsEntry("banq_api_requests_seconds_count{" + route + ",status=\"400\"}", 1.0)
                .containsEntry(
                        "banq_api_requests_seconds_count{route=\"unmatched\",status=\"404\"}", 1.0)
                .containsKey(
                        "banq_api_requests_seconds_bucket{"
                                + route
                                + ",status=\"200\",le=\"0.001\"}")
                .containsEntry(
                        "banq_api_answers_total{route=\"daily_average\",source=\"not_modified\"}",
                        1.0)
                .containsEntry("banq_api_rows_served_total{route=\"daily_average\"}", 1.0 + 2 + 3)
                .containsEntry(
                        "banq_api_database_last_day_timestamp_seconds{database=\"ri_apow_supply_0\"}",
                        (double) FIRST.plusDays(2).atStartOfDay().toEpochSecond(ZoneOffset.UTC));
        // the first window is a query; the next ones come from the snapshot when the file held
        // still between them
        String answers = "banq_api_answers_total{route=\"daily_average\",source=";
        assertThat(samples.get(answers + "\"sql\"}")).isGreaterThanOrEqualTo(1.0);
        assertThat(
                        samples.get(answers + "\"sql\"}")
                                + samples.getOrDefault(answers + "\"snapshot\"}", 0.0))
                .isEqualTo(3.0);
        assertThat(
                        samples.get(
                                "banq_api_database_last_day_age_seconds{database=\"ri_apow_supply_0\"}"))
                .isGreaterThan(2 * 86_400.0);
        // the original schema has no rollup to read the last day from
        assertThat(samples.keySet()).noneMatch(key -> key.contains("ri_apow_borrow_0"));
    }

    @Test
    void metricsAreOffUnlessAPortIsGiven() {
        try (ApiServer plain = ApiServerFixture.start(dbPath, 90)) {
            assertThat(plain.metricsPort()).isNull();
        }
    }

    @Test
    void rowsAreCountedByTheirOpeningBraces() {
        assertThat(ApiMetrics.rowsIn("[]\n")).isZero();
        assertThat(ApiMetrics.rowsIn("[{\"avg_util\":0.5,\"day\":\"2025-11-10\",\"n\":1}]\n"))
                .isEqualTo(1);
    }

    private static String window(int extraDays) {
        return AVERAGES + "?lhs=" + FIRST + "&rhs=" + FIRST.plusDays(extraDays);
    }

    /** Each sample line as "name{labels}" to its value. */
    private static Map<String, Double> samples(String text) {
        Map<String, Double> samples = new TreeMap<>();
        for (String line : text.lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return samples;
    }
}
