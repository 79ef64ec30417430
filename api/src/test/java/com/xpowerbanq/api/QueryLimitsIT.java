package com.xpowerbanq.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.xpowerbanq.api.json.GoJson;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every query has a time limit, which alone bounds its work, whether its client waits or not. */
class QueryLimitsIT {
    private static final String YEAR =
            "/ri_slow_supply_0/daily_average.json?lhs=2025-01-01&rhs=2025-12-31";

    @TempDir static Path dbPath;

    @BeforeAll
    static void writeALargeLegacyDatabase() throws Exception {
        long start = LocalDate.parse("2025-01-01").atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        try (SeriesFiles db = SeriesFiles.legacy(dbPath.resolve("ri_slow_supply_0.db"), true)) {
            for (int i = 0; i < 60_000; i++) {
                db.reindex(start + i * 500L, (i % 100) / 100.0);
            }
        }
    }

    @Test
    void aQueryOverItsTimeLimitIsInterruptedWith503() throws Exception {
        try (ApiServer api = ApiServerFixture.start(dbPath, 400, Duration.ofMillis(1))) {
            RawHttp.Response response = new RawHttp(api.port()).get(YEAR);

            assertThat(response.status()).isEqualTo(503);
            assertThat(response.body())
                    .isEqualTo(GoJson.error("Query time limit exceeded, try a shorter window"));
            assertThat(api.queries().expiredQueries()).isEqualTo(1);
        }
    }

    @Test
    void aPipelinedRequestBehindASlowQueryIsAnsweredOnTheSameConnection() throws Exception {
        try (ApiServer api = ApiServerFixture.start(dbPath, 400, Duration.ofMinutes(5));
                Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", api.port()));
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();

            // given: a slow legacy query running, its request read by the server
            out.write(
                    ("GET " + YEAR + " HTTP/1.1\r\nHost: x\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await().atMost(Duration.ofSeconds(30))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(1))
                    .until(() -> api.queries().computing() == 1);

            // when: the client pipelines its next request while the query runs
            out.write(
                    "GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();

            // then: both answers come, in order, on the connection the client opened
            RawHttp.Response first = RawHttp.readOne(in);
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.header("Connection")).isNull();
            assertThat(new ObjectMapper().readTree(first.body()).size()).isEqualTo(348);
            RawHttp.Response second = RawHttp.readOne(in);
            assertThat(second.status()).isEqualTo(200);
            assertThat(second.body()).isEqualTo(ServiceHandlers.HEALTH);
        }
    }

    @Test
    void aQueryWhoseClientWentAwayEndsAtItsTimeLimitAndTheServerGoesOn() throws Exception {
        try (ApiServer api = ApiServerFixture.start(dbPath, 400, Duration.ofMillis(1))) {
            // given: clients that send a slow request and hang up at once
            for (int i = 0; i < 3; i++) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", api.port()));
                    OutputStream out = socket.getOutputStream();
                    out.write(
                            ("GET " + YEAR + " HTTP/1.1\r\nHost: x\r\n\r\n")
                                    .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            }

            // then: the budget alone ends their queries, and the next client is served
            await().atMost(Duration.ofSeconds(30)).until(() -> api.queries().expiredQueries() >= 1);
            assertThat(new RawHttp(api.port()).get("/health").status()).isEqualTo(200);
        }
    }
}
