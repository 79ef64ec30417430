package com.xpowerbanq.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.xpowerbanq.schema.ContractRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden answers: databases with known events (current schema and the original's), every route and
 * window compared with values computed here from the events, not with the production SQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiContractIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate FIRST = LocalDate.parse("2025-11-10");
    private static final int DAYS = 12;

    @TempDir static Path dbPath;
    private final List<Event> riEvents = new ArrayList<>();
    private final List<Quote> rtQuotes = new ArrayList<>();
    private ApiServer server;
    private RawHttp http;

    /** One Reindex event: its time, its utilisation and its position in the chain. */
    record Event(long time, double value, long block, int index) {}

    /** One Refresh event: its quote time, bid and ask, and its position in the chain. */
    record Quote(long time, double bid, double ask, long block, int index) {
        double mid() {
            return (bid + ask) / 2;
        }
    }

    @BeforeAll
    void writeDatabasesAndStart() throws Exception {
        Random random = new Random(7);
        long block = 5_000;
        for (int d = 0; d < DAYS; d++) {
            long midnight = FIRST.plusDays(d).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
            long[] times = {midnight, midnight + 3_600, midnight + 43_200, midnight + 86_399};
            for (long time : times) {
                riEvents.add(new Event(time, random.nextDouble(), block, 0));
                // bid and ask apart, by a spread that differs from quote to quote
                double bid = 0.5 + random.nextDouble();
                rtQuotes.add(new Quote(time, bid, bid + 0.01 + random.nextDouble() / 4, block, 0));
                block += 3;
            }
            // two quotes at the same second: order decided by block, then log index
            long noon = midnight + 43_200;
            rtQuotes.add(new Quote(noon, 9.0 + d, 9.5 + d, block + 1, 2));
            rtQuotes.add(new Quote(noon, 7.0 + d, 7.25 + d, block + 1, 1));
            rtQuotes.add(new Quote(midnight, 3.0 + d, 3.75 + d, block - 2, 5)); // earlier block
            riEvents.add(new Event(noon, 0.125, block + 1, 1));
            block += 5;
        }
        write(dbPath.resolve("ri_apow_supply_0.db"), true, false);
        write(dbPath.resolve("rt_xpow_apow_0.db"), false, false);
        write(dbPath.resolve("ri_apow_borrow_0.db"), true, true);
        write(dbPath.resolve("rt_apow_xpow_0.db"), false, true);
        server = ApiServerFixture.start(dbPath, 90);
        http = new RawHttp(server.port());
    }

    private void write(Path file, boolean ri, boolean legacy) throws Exception {
        List<Event> events = new ArrayList<>(riEvents);
        List<Quote> quotes = new ArrayList<>(rtQuotes);
        // insertion order must not matter
        java.util.Collections.shuffle(events, new Random(11));
        java.util.Collections.shuffle(quotes, new Random(11));
        try (SeriesFiles db =
                legacy ? SeriesFiles.legacy(file, ri) : SeriesFiles.current(file, ri)) {
            if (ri) {
                for (Event e : events) {
                    db.reindex(e.time, e.value, e.block, e.index);
                }
            } else {
                for (Quote q : quotes) {
                    db.refresh(q.time, q.bid, q.ask, q.block, q.index);
                }
            }
        }
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0} {1}..{2}")
    @CsvSource({
        "ri_apow_supply_0, 2025-11-10, 2025-11-21",
        "ri_apow_supply_0, 2025-11-12, 2025-11-12",
        "ri_apow_supply_0, 2025-11-15, 2025-12-31",
        "ri_apow_supply_0, 2025-10-01, 2025-11-09",
        "ri_apow_borrow_0, 2025-11-10, 2025-11-21",
        "ri_apow_borrow_0, 2025-11-12, 2025-11-14",
        "ri_apow_supply_0, 2025-11-15, 9999-12-31",
        "ri_apow_borrow_0, 2025-11-15, 9999-12-31",
        "ri_apow_supply_0, 0000-01-01, 9999-12-31",
    })
    void dailyAverageEqualsTheMeanOfEachDay(String db, String lhs, String rhs) throws Exception {
        RawHttp.Response response =
                http.get("/" + db + "/daily_average.json?lhs=" + lhs + "&rhs=" + rhs);

        assertAverages(response, db, lhs, rhs);
    }

    private void assertAverages(RawHttp.Response response, String db, String lhs, String rhs)
            throws Exception {
        assertDays(
                response, db, averages(LocalDate.parse(lhs), LocalDate.parse(rhs), 90), "avg_util");
    }

    @ParameterizedTest(name = "{0} {1}..{2}")
    @CsvSource({
        "rt_xpow_apow_0, 2025-11-10, 2025-11-21",
        "rt_xpow_apow_0, 2025-11-13, 2025-11-13",
        "rt_apow_xpow_0, 2025-11-10, 2025-11-21",
        "rt_apow_xpow_0, 2025-11-20, 2026-01-01",
        "rt_xpow_apow_0, 2025-11-15, 9999-12-31",
        "rt_apow_xpow_0, 2025-11-15, 9999-12-31",
    })
    void dailyOhlcTakesOpenAndCloseByTimeBlockAndLogIndex(String db, String lhs, String rhs)
            throws Exception {
        RawHttp.Response response =
                http.get("/" + db + "/daily_ohlc.json?lhs=" + lhs + "&rhs=" + rhs);

        assertOhlc(response, db, lhs, rhs);
    }

    private void assertOhlc(RawHttp.Response response, String db, String lhs, String rhs)
            throws Exception {
        assertDays(
                response,
                db,
                ohlc(LocalDate.parse(lhs), LocalDate.parse(rhs), 90),
                "open",
                "high",
                "low",
                "close");
    }

    /** One row per expected day: the {@code values} in order, then {@code day} and {@code n}. */
    private void assertDays(
            RawHttp.Response response, String db, List<Expected> expected, String... values)
            throws Exception {
        assertThat(response.status()).isEqualTo(200);
        assertDataHeaders(response, db);
        List<LinkedHashMap<String, Object>> rows = rows(response);
        assertThat(rows).hasSize(expected.size());
        List<String> keys = new java.util.ArrayList<>(List.of(values));
        keys.addAll(List.of("day", "n"));
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            assertThat(row.keySet()).containsExactlyElementsOf(keys);
            assertThat(row.get("day")).isEqualTo(expected.get(i).day);
            assertThat(((Number) row.get("n")).longValue()).isEqualTo(expected.get(i).n);
            for (int v = 0; v < values.length; v++) {
                assertClose(row.get(values[v]), expected.get(i).values[v]);
            }
        }
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({"DAILY_AVERAGE, ri_apow_supply_0", "DAILY_OHLC, rt_xpow_apow_0"})
    void aWindowEndingOnTheLastDayOfTheCalendarGetsTheSameRowsFromTheQueryAndTheSnapshot(
            Route route, String db) throws Exception {
        // given: two servers over the same file; the first request of a route runs the windowed
        // query, the next one at the same state of the file reads the rollup snapshot
        String lhs = "2025-11-12";
        String rhs = "9999-12-31";
        String target = "/" + db + "/" + route.routeName() + ".json?lhs=" + lhs + "&rhs=" + rhs;
        String before = "/" + db + "/" + route.routeName() + ".json?lhs=2025-11-10&rhs=2025-11-10";
        try (ApiServer queried = ApiServerFixture.start(dbPath, 90);
                ApiServer snapshotted = ApiServerFixture.start(dbPath, 90)) {
            RawHttp byQuery = new RawHttp(queried.port());
            RawHttp bySnapshot = new RawHttp(snapshotted.port());

            // when
            RawHttp.Response fromQuery = byQuery.get(target);
            bySnapshot.get(before);
            RawHttp.Response fromSnapshot = bySnapshot.get(target);

            // then
            assertThat(queried.directory().lease(db).db().snapshot(route)).isNull();
            assertThat(snapshotted.directory().lease(db).db().snapshot(route)).isNotNull();
            for (RawHttp.Response response : List.of(fromQuery, fromSnapshot)) {
                if (route == Route.DAILY_AVERAGE) {
                    assertAverages(response, db, lhs, rhs);
                } else {
                    assertOhlc(response, db, lhs, rhs);
                }
                assertThat(rows(response)).hasSize(DAYS - 2);
            }
            assertThat(fromSnapshot.body()).isEqualTo(fromQuery.body());
            assertThat(fromSnapshot.header("ETag")).isEqualTo(fromQuery.header("ETag"));
            RawHttp.Response notModified =
                    bySnapshot.send(
                            "GET", target, Map.of("If-None-Match", fromQuery.header("ETag")));
            assertThat(notModified.status()).isEqualTo(304);
        }
    }

    @Test
    void answersStopAtMaxRowsDaysOldestFirst() throws Exception {
        try (ApiServer small = ApiServerFixture.start(dbPath, 3)) {
            RawHttp client = new RawHttp(small.port());
            assertFirstDays(
                    client,
                    "daily_average.json?lhs=2025-11-01&rhs=2025-12-01",
                    List.of("ri_apow_supply_0", "ri_apow_borrow_0"),
                    "2025-11-10",
                    "2025-11-11",
                    "2025-11-12");
            assertFirstDays(
                    client,
                    "daily_ohlc.json?lhs=2025-11-11&rhs=2025-12-01",
                    List.of("rt_xpow_apow_0", "rt_apow_xpow_0"),
                    "2025-11-11",
                    "2025-11-12",
                    "2025-11-13");
        }
    }

    /** The days each database answers {@code query} with, oldest first. */
    private static void assertFirstDays(
            RawHttp client, String query, List<String> dbs, String... days) throws Exception {
        for (String db : dbs) {
            assertThat(rows(client.get("/" + db + "/" + query)))
                    .extracting(r -> r.get("day"))
                    .containsExactly((Object[]) days);
        }
    }

    @ParameterizedTest
    @CsvSource({
        // v10a: quote_mid and quote_rel are the bid and the ask (mids 3.25, 2.25, 1.625)
        "V10A, '[{\"open\":3.25,\"high\":3.25,\"low\":1.625,\"close\":1.625,\"day\":\"2025-11-15\",\"n\":3}]'",
        // v10b: quote_mid is the mid (mids 3, 2, 1.5)
        "V10B, '[{\"open\":3,\"high\":3,\"low\":1.5,\"close\":1.5,\"day\":\"2025-11-15\",\"n\":3}]'"
    })
    void legacyRowsWithMidNamesAreReadByTheRunOfTheirRefreshTopic(
            ContractRun run, String expected, @TempDir Path other) throws Exception {
        // given: an unmigrated database of the original CLI's rows (quote_mid, quote_rel,
        // quote_utc)
        long t = LocalDate.parse("2025-11-15").atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        try (SeriesFiles db = SeriesFiles.legacy(other.resolve("rt_mid_apow_0.db"), false)) {
            db.refreshMidNames(run, t + 10, 2.0, 2.5, 10, 0)
                    .refreshMidNames(run, t + 10, 3.0, 3.5, 9, 0)
                    .refreshMidNames(run, t + 500, 1.5, 1.75, 11, 0);
        }

        // when
        try (ApiServer api = ApiServerFixture.start(other, 90)) {
            RawHttp.Response response =
                    new RawHttp(api.port())
                            .get("/rt_mid_apow_0/daily_ohlc.json?lhs=2025-11-15&rhs=2025-11-15");

            // then
            assertThat(response.body()).isEqualTo(expected + "\n");
        }
    }

    @Test
    void theLogSaysOnceThatALegacyDatabaseShouldBeMigrated(@TempDir Path other) throws Exception {
        long t = LocalDate.parse("2025-11-15").atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        try (SeriesFiles db = SeriesFiles.legacy(other.resolve("ri_old_supply_0.db"), true);
                LogCapture log = LogCapture.of(DatabaseDirectory.class);
                ApiServer api = ApiServerFixture.start(other, 90)) {
            db.reindex(t, 0.5).commit();
            RawHttp client = new RawHttp(api.port());
            String target = "/ri_old_supply_0/daily_average.json?lhs=2025-11-15&rhs=2025-11-";
            for (int day = 15; day < 18; day++) {
                assertThat(client.get(target + day).status()).isEqualTo(200);
            }
            // a change of the file makes the API look at its schema again
            db.reindex(t + 60, 0.25).commit();
            assertThat(client.get(target + 15).body())
                    .isEqualTo("[{\"avg_util\":0.375,\"day\":\"2025-11-15\",\"n\":2}]\n");

            assertThat(log.messages(Level.WARN, "ri_old_supply_0.db"))
                    .singleElement()
                    .asString()
                    .contains("only the original raw_logs", "Migrate it");
        }
    }

    @Test
    void healthRobotsAndRootAnswerTheOriginalBytes() throws Exception {
        RawHttp.Response health = http.get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.header("Content-Type")).isEqualTo("application/json");
        assertThat(health.header("Cache-Control")).isEqualTo("no-cache, no-store, must-revalidate");
        assertThat(health.body())
                .isEqualTo("{\"service\":\"XPower Banq API\",\"status\":\"ok\"}\n");

        RawHttp.Response robots = http.get("/robots.txt");
        assertThat(robots.header("Content-Type")).isEqualTo("text/plain");
        assertThat(robots.body()).isEqualTo("User-agent: *\nDisallow: /\n");

        RawHttp.Response root = http.get("/");
        assertThat(root.header("Content-Type")).isEqualTo("application/json");
        assertThat(root.header("Cache-Control")).isEqualTo("public, max-age=3600");
        assertThat(root.body())
                .isEqualTo(
                        "{\"description\":\"Read-only API for XPower Banq utilization rates and price"
                                + " quotes\",\"endpoints\":{\"daily_average\":{\"description\":\"Daily"
                                + " average utilization rates\",\"example\":\"/ri_apow_supply_0/daily_average.json?lhs=2025-11-15\\u0026rhs=2025-12-15\",\"params\":\"?lhs=YYYY-MM-DD\\u0026rhs=YYYY-MM-DD\",\"path\":\"/{dbName}/daily_average.json\"},\"daily_ohlc\":{\"description\":\"Daily"
                                + " OHLC price"
                                + " quotes\",\"example\":\"/rt_apow_xpow_0/daily_ohlc.json?lhs=2025-11-15\\u0026rhs=2025-12-15\",\"params\":\"?lhs=YYYY-MM-DD\\u0026rhs=YYYY-MM-DD\",\"path\":\"/{dbName}/daily_ohlc.json\"}},\"license\":\"GPL-3.0\",\"license_url\":\"https://www.gnu.org/licenses/gpl-3.0.en.html\",\"source\":\"xpower-banq-cli\",\"source_url\":\"https://github.com/blackhan-software/xpower-banq-cli.git\",\"title\":\"XPower"
                                + " Banq Database API\"}\n");
    }

    @Test
    void headAnswersHeadersWithoutBody() throws Exception {
        RawHttp.Response head =
                http.send(
                        "HEAD",
                        "/ri_apow_supply_0/daily_average.json?lhs=2025-11-10&rhs=2025-11-11",
                        Map.of());
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("X-Database")).isEqualTo("ri_apow_supply_0.db");
        assertThat(head.body()).isEmpty();
    }

    @Test
    void etagIsStrongStableAndAnswers304UntilTheDatabaseChanges(@TempDir Path other)
            throws Exception {
        long t = LocalDate.parse("2025-11-15").atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        Path file = other.resolve("ri_etag_supply_0.db");
        try (SeriesFiles db = SeriesFiles.current(file, true);
                ApiServer api = ApiServerFixture.start(other, 90)) {
            db.reindex(t, 0.5).commit();
            RawHttp client = new RawHttp(api.port());
            String target = "/ri_etag_supply_0/daily_average.json?lhs=2025-11-15&rhs=2025-11-15";
            RawHttp.Response first = client.get(target);
            String etag = first.header("ETag");
            assertThat(etag).matches("\"[0-9a-f]{16}\"");
            assertThat(client.get(target).header("ETag")).isEqualTo(etag);

            RawHttp.Response cached = client.send("GET", target, Map.of("If-None-Match", etag));
            assertThat(cached.status()).isEqualTo(304);
            assertThat(cached.body()).isEmpty();

            db.reindex(t + 60, 0.25).commit();
            RawHttp.Response changed = client.send("GET", target, Map.of("If-None-Match", etag));
            assertThat(changed.status()).isEqualTo(200);
            assertThat(changed.header("ETag")).isNotEqualTo(etag);
            assertThat(changed.body())
                    .isEqualTo("[{\"avg_util\":0.375,\"day\":\"2025-11-15\",\"n\":2}]\n");
        }
    }

    @Test
    void etagChangesWithEveryCommitEvenWhenSizesAndTimesLookTheSame(@TempDir Path other)
            throws Exception {
        long t = LocalDate.parse("2025-11-15").atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        Path file = other.resolve("ri_tick_supply_0.db");
        Path wal = other.resolve("ri_tick_supply_0.db-wal");
        try (SeriesFiles db = SeriesFiles.current(file, true);
                ApiServer api = ApiServerFixture.start(other, 90)) {
            db.reindex(t, 0.5).checkpoint();
            RawHttp client = new RawHttp(api.port());
            String target = "/ri_tick_supply_0/daily_average.json?lhs=2025-11-15&rhs=2025-11-15";
            String etag = client.get(target).header("ETag");
            long size = Files.size(file);
            FileTime dbTime = Files.getLastModifiedTime(file);
            FileTime walTime = Files.getLastModifiedTime(wal);

            // a second commit in the same clock tick, the log truncated again: same sizes, same
            // times
            db.reindex(t + 60, 0.25).checkpoint();
            Files.setLastModifiedTime(file, dbTime);
            Files.setLastModifiedTime(wal, walTime);
            assertThat(Files.size(file)).isEqualTo(size);
            assertThat(Files.size(wal)).isZero();

            RawHttp.Response changed = client.send("GET", target, Map.of("If-None-Match", etag));
            assertThat(changed.status()).isEqualTo(200);
            assertThat(changed.header("ETag")).isNotEqualTo(etag);
            assertThat(changed.body())
                    .isEqualTo("[{\"avg_util\":0.375,\"day\":\"2025-11-15\",\"n\":2}]\n");
        }
    }

    private static void assertDataHeaders(RawHttp.Response response, String db) {
        assertThat(response.header("Content-Type")).isEqualTo("application/json");
        assertThat(response.header("X-Database")).isEqualTo(db + ".db");
        assertThat(response.header("Cache-Control")).isEqualTo("public, max-age=3600");
        assertThat(response.header("ETag")).isNotBlank();
        assertThat(response.body()).endsWith("]\n");
    }

    private static List<LinkedHashMap<String, Object>> rows(RawHttp.Response response)
            throws Exception {
        return JSON.readValue(response.body(), new TypeReference<>() {});
    }

    private static void assertClose(Object actual, double expected) {
        double value = ((Number) actual).doubleValue();
        assertThat(value).isCloseTo(expected, within(Math.abs(expected) * 1e-12));
    }

    /** One expected day: its values (avg, or open/high/low/close) and count. */
    record Expected(String day, long n, double[] values) {}

    private List<Expected> averages(LocalDate lhs, LocalDate rhs, int maxRows) {
        TreeMap<LocalDate, List<Event>> days = byDay(riEvents, Event::time, lhs, rhs);
        List<Expected> out = new ArrayList<>();
        days.forEach(
                (day, events) -> {
                    double sum = 0;
                    for (Event e : events) {
                        sum += e.value;
                    }
                    out.add(
                            new Expected(
                                    day.toString(),
                                    events.size(),
                                    new double[] {sum / events.size()}));
                });
        return out.subList(0, Math.min(maxRows, out.size()));
    }

    private List<Expected> ohlc(LocalDate lhs, LocalDate rhs, int maxRows) {
        TreeMap<LocalDate, List<Quote>> days = byDay(rtQuotes, Quote::time, lhs, rhs);
        List<Expected> out = new ArrayList<>();
        days.forEach(
                (day, quotes) -> {
                    quotes.sort(
                            Comparator.comparingLong(Quote::time)
                                    .thenComparingLong(Quote::block)
                                    .thenComparingInt(Quote::index));
                    double high = quotes.stream().mapToDouble(Quote::mid).max().orElseThrow();
                    double low = quotes.stream().mapToDouble(Quote::mid).min().orElseThrow();
                    out.add(
                            new Expected(
                                    day.toString(),
                                    quotes.size(),
                                    new double[] {
                                        quotes.get(0).mid(),
                                        high,
                                        low,
                                        quotes.get(quotes.size() - 1).mid()
                                    }));
                });
        return out.subList(0, Math.min(maxRows, out.size()));
    }

    private static <T> TreeMap<LocalDate, List<T>> byDay(
            List<T> events, ToLongFunction<T> time, LocalDate lhs, LocalDate rhs) {
        TreeMap<LocalDate, List<T>> days = new TreeMap<>();
        for (T e : events) {
            LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(time.applyAsLong(e), 86_400));
            if (!day.isBefore(lhs) && !day.isAfter(rhs)) {
                days.computeIfAbsent(day, k -> new ArrayList<>()).add(e);
            }
        }
        return days;
    }
}
