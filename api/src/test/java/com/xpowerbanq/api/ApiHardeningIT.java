package com.xpowerbanq.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.xpowerbanq.api.json.GoJson;
import com.xpowerbanq.schema.Kind;
import com.xpowerbanq.schema.LegacySchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every bad input gets its status and a JSON error; the server never answers 500 for them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiHardeningIT {
    private static final long DAY =
            LocalDate.parse("2025-11-15").atStartOfDay().toEpochSecond(ZoneOffset.UTC);

    @TempDir static Path dbPath;
    @TempDir static Path stateDir;
    private ApiServer server;
    private RawHttp http;

    @BeforeAll
    void start() throws Exception {
        try (SeriesFiles db = SeriesFiles.current(dbPath.resolve("ri_apow_supply_0.db"), true)) {
            db.reindex(DAY, 0.5);
        }
        try (SeriesFiles db = SeriesFiles.current(dbPath.resolve("rt_xpow_apow_0.db"), false)) {
            db.refresh(DAY, 1.0, 2.0);
        }
        server = ApiServerFixture.start(dbPath, 90);
        http = new RawHttp(server.port());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/rt_xpow_apow_0/daily_average.json?lhs=2025-11-15&rhs=2025-11-15|400|Invalid database name. Must start with ri_",
                "/ri_apow_supply_0/daily_ohlc.json?lhs=2025-11-15&rhs=2025-11-15|400|Invalid database name. Must start with rt_",
                "/RI_APOW_SUPPLY_0/daily_average.json?lhs=2025-11-15&rhs=2025-11-15|400|Invalid database name. Must start with ri_",
                "/ri_APOW_supply_0/daily_average.json?lhs=2025-11-15&rhs=2025-11-15|503|Database not available",
                "/ri_nonexistent/daily_average.json?lhs=2025-11-15&rhs=2025-11-15|503|Database not available",
                "/ri_apow_supply_0/daily_average.json?rhs=2025-11-15|400|Missing required parameter: lhs",
                "/ri_apow_supply_0/daily_average.json?lhs=2025-11-15|400|Missing required parameter: rhs",
                "/ri_apow_supply_0/daily_average.json?lhs=&rhs=2025-11-15|400|Missing required parameter: lhs",
                "/ri_apow_supply_0/daily_average.json?lhs=2025/11/15&rhs=2025-11-15|400|Invalid lhs date format. Use YYYY-MM-DD",
                "/ri_apow_supply_0/daily_average.json?lhs=2025-11-15&rhs=12-15-2025|400|Invalid rhs date format. Use YYYY-MM-DD",
                "/ri_apow_supply_0/daily_average.json?lhs=2025-11-15%0A&rhs=2025-11-15|400|Invalid lhs date format. Use YYYY-MM-DD",
                "/ri_apow_supply_0/daily_average.json?lhs=2025-11-15'%20OR%20'1'='1&rhs=2025-11-15|400|Invalid lhs date format. Use YYYY-MM-DD",
                "/ri_apow_supply_0/daily_average.json?lhs=2026-02-30&rhs=2026-03-01|400|Invalid lhs date: 2026-02-30 is not a day of the calendar",
                "/ri_apow_supply_0/daily_average.json?lhs=2025-11-15&rhs=2025-13-01|400|Invalid rhs date: 2025-13-01 is not a day of the calendar",
                "/ri_apow_supply_0/daily_average.json?lhs=2025-11-16&rhs=2025-11-15|400|Invalid date range: lhs must not be after rhs",
                "/ri_a%00b/daily_average.json?lhs=2025-11-15&rhs=2025-11-15|400|Bad Request",
                "/ri_a%01b/daily_average.json?lhs=2025-11-15&rhs=2025-11-15|400|Invalid database name. Use 1 to 128 letters, digits, '_' or '-'",
                "/ri_%2e%2e/daily_average.json?lhs=2025-11-15&rhs=2025-11-15|400|Invalid database name. Use 1 to 128 letters, digits, '_' or '-'",
                "/ri_a.b/daily_average.json?lhs=2025-11-15&rhs=2025-11-15|400|Invalid database name. Use 1 to 128 letters, digits, '_' or '-'",
                "/ri_%3Cscript%3E/daily_average.json?lhs=2025-11-15&rhs=2025-11-15|400|Invalid database name. Use 1 to 128 letters, digits, '_' or '-'",
                "/ri_..%2F..%2Fetc%2Fpasswd/daily_average.json?lhs=2025-11-15&rhs=2025-11-15|400|Invalid database name. Use 1 to 128 letters, digits, '_' or '-'",
                "/ri_..%5C..%5Cwindows/daily_average.json?lhs=2025-11-15&rhs=2025-11-15|400|Invalid database name. Use 1 to 128 letters, digits, '_' or '-'",
                "/../../etc/passwd/daily_average.json?lhs=2025-11-15&rhs=2025-11-15|400|Bad Request",
                "/ri_apow_supply_0/../../etc/daily_average.json?lhs=2025-11-15&rhs=2025-11-15|400|Bad Request",
                "/nope|404|Not found",
                "/ri_apow_supply_0/other.json|404|Not found",
                "/ri_apow_supply_0/daily_average.json?lhs=%zz&rhs=2025-11-15|400|Missing required parameter: lhs",
            })
    void badInputGetsAJsonError(String target, int status, String error) throws Exception {
        RawHttp.Response response = http.get(target);

        assertThat(response.status()).isEqualTo(status);
        assertThat(response.header("Content-Type")).isEqualTo("application/json");
        assertThat(response.body()).isEqualTo(GoJson.error(error));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/health/",
        "/robots.txt/",
        "/ri_apow_supply_0/daily_average.json/?lhs=2025-11-15&rhs=2025-11-15",
        "/rt_xpow_apow_0/daily_ohlc.json/?lhs=2025-11-15&rhs=2025-11-15"
    })
    void aKnownRouteWithATrailingSlashIsAnUnknownRoute(String target) throws Exception {
        // when
        RawHttp.Response response = http.get(target);

        // then: the original's router matched paths exactly
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).isEqualTo("application/json");
        assertThat(response.body()).isEqualTo(GoJson.error("Not found"));
    }

    @Test
    void theQuoteWrittenAtStartIsServedAsTheMidOfItsBidAndAsk() throws Exception {
        RawHttp.Response response =
                http.get("/rt_xpow_apow_0/daily_ohlc.json?lhs=2025-11-15&rhs=2025-11-15");

        // bid 1.0, ask 2.0
        assertServed(
                response,
                "[{\"open\":1.5,\"high\":1.5,\"low\":1.5,\"close\":1.5,"
                        + "\"day\":\"2025-11-15\",\"n\":1}]\n");
    }

    @Test
    void aNulByteInANameNeverReachesTheFileSystem() throws Exception {
        http.get("/ri_x%00y/daily_average.json?lhs=2025-11-15&rhs=2025-11-15");
        try (Stream<Path> files = Files.list(dbPath)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .allMatch(
                            name ->
                                    name.startsWith("ri_apow_supply_0.db")
                                            || name.startsWith("rt_xpow_apow_0.db"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"POST", "PUT", "DELETE", "PATCH", "TRACE", "FOO"})
    void otherMethodsAre405(String method) throws Exception {
        RawHttp.Response response =
                http.send(
                        method,
                        "/ri_apow_supply_0/daily_average.json?lhs=2025-11-15&rhs=2025-11-15",
                        Map.of());

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.body()).isEqualTo(GoJson.error("Method not allowed"));
    }

    @Test
    void overlongQueryStringsAre414() throws Exception {
        String padding = "x".repeat(RequestGuard.MAX_QUERY_LENGTH);
        RawHttp.Response response =
                http.get(
                        "/ri_apow_supply_0/daily_average.json?lhs=2025-11-15&rhs=2025-11-15&p="
                                + padding);
        assertThat(response.status()).isEqualTo(414);
        assertThat(response.body()).isEqualTo(GoJson.error("Query string too long"));

        RawHttp.Response huge = http.get("/health?p=" + "y".repeat(20_000));
        assertThat(huge.status()).isEqualTo(414);
        assertThat(huge.body()).isEqualTo(GoJson.error("URI Too Long"));
    }

    @Test
    void corsPreflightFromAnAllowedOriginGetsTheOriginalHeaders() throws Exception {
        RawHttp.Response response =
                http.send(
                        "OPTIONS",
                        "/ri_apow_supply_0/daily_average.json",
                        Map.of(
                                "Origin", "https://www.xpowerbanq.com",
                                "Access-Control-Request-Method", "GET",
                                "Access-Control-Request-Headers", "content-type"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin"))
                .isEqualTo("https://www.xpowerbanq.com");
        assertThat(response.header("Access-Control-Allow-Methods")).isEqualTo("GET");
        assertThat(response.header("Access-Control-Allow-Headers")).isEqualTo("Content-Type");
        assertThat(response.header("Access-Control-Max-Age")).isEqualTo("3600");
        assertThat(response.header("Access-Control-Allow-Credentials")).isNull();
        assertThat(response.header("Vary"))
                .isEqualTo("Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
        assertThat(response.body()).isEmpty();
    }

    @Test
    void corsPreflightFromARefusedOriginGetsNoAllowHeaders() throws Exception {
        RawHttp.Response response =
                http.send(
                        "OPTIONS",
                        "/ri_apow_supply_0/daily_average.json",
                        Map.of(
                                "Origin",
                                "https://evil.example",
                                "Access-Control-Request-Method",
                                "GET"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
        assertThat(response.header("Access-Control-Allow-Methods")).isNull();
        assertThat(response.header("Vary"))
                .isEqualTo("Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
    }

    @Test
    void corsPreflightForAMethodOtherThanGetGetsNoAllowHeaders() throws Exception {
        RawHttp.Response response = preflight(http, "/health", "DELETE");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void simpleRequestsFromAnAllowedOriginExposeXDatabase() throws Exception {
        RawHttp.Response response =
                http.send(
                        "GET",
                        "/ri_apow_supply_0/daily_average.json?lhs=2025-11-15&rhs=2025-11-15",
                        Map.of("Origin", "HTTP://LOCALHOST:5173"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin"))
                .isEqualTo("HTTP://LOCALHOST:5173");
        assertThat(response.header("Access-Control-Expose-Headers"))
                .isEqualTo("Content-Type, X-Database");
        assertThat(response.header("Vary")).isEqualTo("Origin");
        assertThat(response.body())
                .isEqualTo("[{\"avg_util\":0.5,\"day\":\"2025-11-15\",\"n\":1}]\n");
    }

    @Test
    void simpleRequestsFromARefusedOriginGetNoCorsHeaders() throws Exception {
        RawHttp.Response response =
                http.send("GET", "/health", Map.of("Origin", "https://evil.example"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
        assertThat(response.header("Access-Control-Expose-Headers")).isNull();
    }

    @Test
    void anEmptyOriginListServesBrowsersOfNoOriginAndVariesByOrigin() throws Exception {
        try (ApiServer closed = ApiServerFixture.start(dbPath, List.of())) {
            RawHttp other = new RawHttp(closed.port());

            // when
            RawHttp.Response simple =
                    other.send("GET", "/health", Map.of("Origin", "http://localhost:5173"));
            RawHttp.Response preflight = preflight(other, "/health", "GET");
            RawHttp.Response sameOrigin = other.get("/health");

            // then: served, never marked readable, and caches told the answer varies by origin
            assertThat(simple.status()).isEqualTo(200);
            assertThat(simple.header("Access-Control-Allow-Origin")).isNull();
            assertThat(simple.header("Vary")).isEqualTo("Origin");
            assertThat(preflight.status()).isEqualTo(200);
            assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
            assertThat(sameOrigin.header("Vary")).isEqualTo("Origin");
        }
    }

    /** A preflight from the web UI's development origin asking for {@code method}. */
    private static RawHttp.Response preflight(RawHttp http, String target, String method)
            throws Exception {
        return http.send(
                "OPTIONS",
                target,
                Map.of("Origin", "http://localhost:5173", "Access-Control-Request-Method", method));
    }

    @Test
    void plainOptionsSaysWhichMethodsAreAllowed() throws Exception {
        RawHttp.Response response = http.send("OPTIONS", "/health", Map.of());

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
    }

    @Test
    void linksAddedAndRemovedWhileRunningAreServedAndWithdrawn(@TempDir Path links)
            throws Exception {
        Path target = stateDir.resolve("ri-APOW:borrow:P000.db");
        try (SeriesFiles db = SeriesFiles.current(target, true)) {
            db.reindex(DAY, 0.75);
        }
        try (ApiServer api = ApiServerFixture.start(links, 90, stateDir)) {
            RawHttp client = new RawHttp(api.port());
            String query = "/ri_apow_borrow_0/daily_average.json?lhs=2025-11-15&rhs=2025-11-15";
            assertThat(client.get("/health").status()).isEqualTo(200);
            assertThat(client.get(query).status()).isEqualTo(503);

            Path link = Files.createSymbolicLink(links.resolve("ri_apow_borrow_0.db"), target);
            RawHttp.Response served = client.get(query);
            assertThat(served.status()).isEqualTo(200);
            assertThat(served.body()).contains("\"avg_util\":0.75");

            Files.delete(link);
            RawHttp.Response withdrawn = client.get(query);
            assertUnavailable(withdrawn, "Database not available");

            Files.createSymbolicLink(link, target);
            assertThat(client.get(query).status()).isEqualTo(200);
        }
    }

    @Test
    void linksMayLeadDirectlyIntoTheDbPathOrUnderTheStateDirectoryAndNowhereElse(
            @TempDir Path links, @TempDir Path elsewhere) throws Exception {
        // given: the same series in the state directory, outside it, and in the db path
        Path inState = stateDir.resolve("ri-XPOW:supply:P004.db");
        Path outside = elsewhere.resolve("ri-XPOW:supply:P004.db");
        Path inDbPath = links.resolve("ri_plain_supply_4.db");
        Path inSubdirectory = Files.createDirectory(links.resolve("sub")).resolve("ri.db");
        for (Path file : List.of(inState, outside, inDbPath, inSubdirectory)) {
            try (SeriesFiles db = SeriesFiles.current(file, true)) {
                db.reindex(DAY, 0.5);
            }
        }
        Path hopInState = Files.createSymbolicLink(stateDir.resolve("hop-out.db"), outside);
        Path hopOutside = Files.createSymbolicLink(elsewhere.resolve("hop-in.db"), inState);
        Map<String, Path> served =
                Map.of(
                        "ri_state_supply_4", inState,
                        "ri_via_outside_supply_4", hopOutside, // ends in the state directory
                        "ri_alias_supply_4", Path.of("ri_plain_supply_4.db")); // relative
        Map<String, Path> refused =
                Map.of(
                        "ri_outside_supply_4", outside,
                        "ri_via_state_supply_4", hopInState, // ends outside
                        "ri_sub_supply_4", inSubdirectory,
                        "ri_etc_supply_4", Path.of("/etc/passwd"));
        for (var link : concat(served, refused).entrySet()) {
            Files.createSymbolicLink(links.resolve(link.getKey() + ".db"), link.getValue());
        }

        try (LogCapture log = LogCapture.of(DatabaseDirectory.class);
                ApiServer api = ApiServerFixture.start(links, 90, stateDir)) {
            RawHttp client = new RawHttp(api.port());
            for (String name : concat(served, Map.of("ri_plain_supply_4", inDbPath)).keySet()) {
                // when
                RawHttp.Response response = client.get(dailyAverage(name));

                // then
                assertThat(response.status()).as(name).isEqualTo(200);
                assertThat(response.body())
                        .isEqualTo("[{\"avg_util\":0.5,\"day\":\"2025-11-15\",\"n\":1}]\n");
            }
            for (String name : refused.keySet()) {
                for (int i = 0; i < 3; i++) {
                    // when
                    RawHttp.Response response = client.get(dailyAverage(name));

                    // then: the answer of a name that is not there, revealing nothing
                    assertThat(response.status()).as(name).isEqualTo(503);
                    assertThat(response.body()).isEqualTo(GoJson.error("Database not available"));
                }
                assertThat(log.messages(Level.WARN, "Refused " + name + ".db")).hasSize(1);
            }
            assertThat(log.messages(Level.WARN, "Refused")).hasSize(refused.size());
        }
    }

    private static String dailyAverage(String name) {
        return "/" + name + "/daily_average.json?lhs=2025-11-15&rhs=2025-11-15";
    }

    private static Map<String, Path> concat(Map<String, Path> a, Map<String, Path> b) {
        Map<String, Path> all = new java.util.TreeMap<>(a);
        all.putAll(b);
        return all;
    }

    @Test
    void aCorruptDatabaseIs503AndIsRetriedOnTheNextRequest(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ri_broken_supply_0.db");
        Files.writeString(file, "this is not a database ".repeat(200));
        try (ApiServer api = ApiServerFixture.start(dir, 90)) {
            RawHttp client = new RawHttp(api.port());
            String query = "/ri_broken_supply_0/daily_average.json?lhs=2025-11-15&rhs=2025-11-15";
            RawHttp.Response broken = client.get(query);
            assertUnavailable(broken, "Database not available");

            Files.delete(file);
            try (SeriesFiles db = SeriesFiles.current(file, true)) {
                db.reindex(DAY, 0.5);
            }
            assertThat(client.get(query).status()).isEqualTo(200);
        }
    }

    @Test
    void aNameOnTheOtherKindOfSeriesIs503UntilTheLinkPointsAtTheRightKind(@TempDir Path dir)
            throws Exception {
        Path quotes = stateDir.resolve("rt-XPOW_APOW:T000.db");
        try (SeriesFiles db = SeriesFiles.current(quotes, false)) {
            db.refresh(DAY, 1.0, 2.0);
        }
        Path legacyQuotes = stateDir.resolve("rt-APOW_XPOW:T000.db");
        try (SeriesFiles db = SeriesFiles.legacy(legacyQuotes, false)) {
            db.refresh(DAY, 1.0, 2.0);
        }
        Path utilisation = stateDir.resolve("ri-APOW:supply:P000.db");
        try (SeriesFiles db = SeriesFiles.current(utilisation, true)) {
            db.reindex(DAY, 0.25);
        }
        Path link = Files.createSymbolicLink(dir.resolve("ri_wrong_supply_0.db"), quotes);
        Files.createSymbolicLink(dir.resolve("ri_legacy_supply_0.db"), legacyQuotes);
        try (ApiServer api = ApiServerFixture.start(dir, 90, stateDir)) {
            RawHttp client = new RawHttp(api.port());
            String query = "/ri_wrong_supply_0/daily_average.json?lhs=2025-11-15&rhs=2025-11-15";
            assertUnavailableAgainAndAgain(
                    client,
                    query,
                    "Database not available: ri_wrong_supply_0 is an RT series database, not RI");
            RawHttp.Response legacy =
                    client.get(
                            "/ri_legacy_supply_0/daily_average.json?lhs=2025-11-15&rhs=2025-11-15");
            assertUnavailable(
                    legacy,
                    "Database not available: ri_legacy_supply_0 is an RT series"
                            + " database, not RI");

            Files.delete(link);
            Files.createSymbolicLink(link, utilisation);
            RawHttp.Response fixed = client.get(query);
            assertServed(fixed, "[{\"avg_util\":0.25,\"day\":\"2025-11-15\",\"n\":1}]\n");
        }
    }

    @Test
    void aZeroByteFileIs503UntilItHoldsASeries(@TempDir Path dir) throws Exception {
        Path file = Files.createFile(dir.resolve("rt_empty_apow_0.db"));
        try (ApiServer api = ApiServerFixture.start(dir, 90)) {
            RawHttp client = new RawHttp(api.port());
            String query = "/rt_empty_apow_0/daily_ohlc.json?lhs=2025-11-15&rhs=2025-11-15";
            assertUnavailableAgainAndAgain(
                    client,
                    query,
                    "Database not available: rt_empty_apow_0 is not a series"
                            + " database (it has no tables)");

            try (SeriesFiles db = SeriesFiles.current(file, false)) {
                db.refresh(DAY, 1.0, 3.0);
            }
            RawHttp.Response served = client.get(query);
            assertServed(
                    served,
                    "[{\"open\":2,\"high\":2,\"low\":2,\"close\":2,"
                            + "\"day\":\"2025-11-15\",\"n\":1}]\n");
        }
    }

    @Test
    void aLockedDatabaseIs503AndServedOnceReleased(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ri_locked_supply_0.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            LegacySchema.create(c, Kind.RI);
            s.execute(
                    "PRAGMA journal_mode=DELETE"); // a rollback journal lets a writer lock readers
            // out
        }
        try (ApiServer api = ApiServerFixture.start(dir, 90);
                Connection writer = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            RawHttp client = new RawHttp(api.port());
            String query = "/ri_locked_supply_0/daily_average.json?lhs=2025-11-15&rhs=2025-11-15";
            try (Statement s = writer.createStatement()) {
                s.execute("BEGIN EXCLUSIVE");
                s.execute("INSERT INTO raw_logs VALUES ('a', '{}')");
                RawHttp.Response locked = client.get(query);
                assertUnavailable(locked, "Database not available");
                s.execute("ROLLBACK");
            }
            RawHttp.Response served = client.get(query);
            assertServed(served, "[]\n");
        }
    }

    @Test
    void anEmptyDbPathServesHealthAnd503ForEveryName(@TempDir Path empty) throws Exception {
        try (ApiServer api = ApiServerFixture.start(empty.resolve("not-yet"), 90)) {
            RawHttp client = new RawHttp(api.port());
            assertThat(client.get("/health").status()).isEqualTo(200);
            assertThat(
                            client.get(
                                            "/rt_xpow_apow_0/daily_ohlc.json?lhs=2025-11-15&rhs=2025-11-15")
                                    .status())
                    .isEqualTo(503);
        }
    }

    /** The JSON 503 of a database the API cannot serve, with the reason it gives. */
    private static void assertUnavailable(RawHttp.Response response, String message) {
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.body()).isEqualTo(GoJson.error(message));
    }

    /** The same 503 on a first request and on the next: the refusal is not a passing state. */
    private static void assertUnavailableAgainAndAgain(RawHttp client, String query, String message)
            throws Exception {
        for (int i = 0; i < 2; i++) {
            assertUnavailable(client.get(query), message);
        }
    }

    /** A 200 with exactly this body. */
    private static void assertServed(RawHttp.Response response, String body) {
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(body);
    }
}
