package com.xpowerbanq.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.xpowerbanq.schema.Kind;
import com.xpowerbanq.schema.SeriesDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two contract runs side by side on one host, as install.sh --run v10a,v10b lays them out: each
 * run's banq-api over its own state directory and db path, both serving on loopback at once, behind
 * nginx with the two servers install.sh wrote (v10a.example, v10b.example).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoRunsIT {
    private static final String RI =
            "/ri_apow_supply_0/daily_average.json?lhs=2025-01-01&rhs=2025-01-02";
    private static final String RT =
            "/rt_xpow_apow_0/daily_ohlc.json?lhs=2025-01-01&rhs=2025-01-02";

    @TempDir static Path work;

    private ApiProcess v10a;
    private ApiProcess v10b;
    private LoopbackNginx nginx;

    @BeforeAll
    void installTwoRunsAndStartTheirApis() throws Exception {
        // the layout install.sh --run writes: sites, ports
        FakeRoot root = FakeRoot.in(work.resolve("install"));
        Command.Result installed =
                root.install(
                        "--run",
                        "v10a,v10b",
                        "--domain",
                        "example",
                        "--edge",
                        "direct",
                        "--http",
                        "serve");
        assertThat(installed.ok()).as(installed.output()).isTrue();
        // each run's state: v10a has an RI series, v10b an RT series, linked by banq-link
        v10a = startRun("v10a", "ri-APOW:supply:P000.db", Kind.RI);
        v10b = startRun("v10b", "rt-XPOW_APOW:T000.db", Kind.RT);
        nginx =
                LoopbackNginx.configure(
                        Files.createDirectories(work.resolve("nginx")),
                        List.of(
                                new LoopbackNginx.Site(
                                        Files.readString(
                                                root.resolve(
                                                        "etc/nginx/sites-available/banq-api-v10a")),
                                        port(root, "v10a"),
                                        v10a.port()),
                                new LoopbackNginx.Site(
                                        Files.readString(
                                                root.resolve(
                                                        "etc/nginx/sites-available/banq-api-v10b")),
                                        port(root, "v10b"),
                                        v10b.port())),
                        LoopbackNginx.Switches.of("direct", "serve"));
        nginx.start();
        HttpClient plain = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> v10a.healthy(plain) && v10b.healthy(plain));
        await().atMost(Duration.ofSeconds(20)).until(nginx::accepting);
    }

    @AfterAll
    void stop() throws InterruptedException {
        for (AutoCloseable process : new AutoCloseable[] {nginx, v10a, v10b}) {
            if (process != null) {
                try {
                    process.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    @Test
    void bothApisServeTheirOwnRunAtOnce() throws IOException {
        // when: each API asked directly, for both series
        Answer aRi = get(v10a.port(), "127.0.0.1", RI);
        Answer aRt = get(v10a.port(), "127.0.0.1", RT);
        Answer bRi = get(v10b.port(), "127.0.0.1", RI);
        Answer bRt = get(v10b.port(), "127.0.0.1", RT);

        // then: each serves only its own run's database
        assertThat(aRi.status()).as(aRi.text()).isEqualTo(200);
        assertThat(aRi.text()).contains("X-Database: ri_apow_supply_0.db");
        assertThat(aRt.status()).as(aRt.text()).isEqualTo(503);
        assertThat(bRt.status()).as(bRt.text()).isEqualTo(200);
        assertThat(bRt.text()).contains("X-Database: rt_xpow_apow_0.db");
        assertThat(bRi.status()).as(bRi.text()).isEqualTo(503);
    }

    @Test
    void eachRunsHostReachesItsOwnApiThroughNginx() throws IOException {
        // when
        Answer aRi = get(nginx.httpPort(), "v10a.example", RI);
        Answer bRi = get(nginx.httpPort(), "v10b.example", RI);
        Answer bRt = get(nginx.httpPort(), "v10b.example", RT);
        Answer aRt = get(nginx.httpPort(), "v10a.example", RT);

        // then
        assertThat(aRi.status()).as(aRi.text()).isEqualTo(200);
        assertThat(bRt.status()).as(bRt.text()).isEqualTo(200);
        assertThat(bRi.status()).as(bRi.text()).isEqualTo(503);
        assertThat(aRt.status()).as(aRt.text()).isEqualTo(503);
    }

    private static ApiProcess startRun(String run, String file, Kind kind) throws Exception {
        Path state = Files.createDirectories(work.resolve("var/lib/banq").resolve(run));
        Path dbPath = Files.createDirectories(work.resolve("srv/db").resolve(run));
        try (Connection writer = SeriesDatabase.openWriter(state.resolve(file), kind)) {
            assertThat(writer.isValid(1)).isTrue();
        }
        Command.Result linked =
                Command.run(
                        List.of(
                                Repository.infra("bin", "banq-link.sh").toString(),
                                "--state-dir",
                                state.toString(),
                                "--db-path",
                                dbPath.toString()),
                        null,
                        Map.of());
        assertThat(linked.ok()).as(linked.output()).isTrue();
        return ApiProcess.start(dbPath, state, Files.createDirectories(work.resolve(run)));
    }

    private static int port(FakeRoot root, String run) throws IOException {
        String env = Files.readString(root.resolve("etc/banq/" + run + "/api.env"));
        return Integer.parseInt(env.replaceAll("(?s).*BANQ_API_PORT=(\\d+).*", "$1"));
    }

    /** A status and the whole answer (headers and body) of one plain HTTP/1.1 GET. */
    record Answer(int status, String text) {}

    /** HTTP/1.1 over a socket, so the Host header is the one a browser on that host sends. */
    private static Answer get(int port, String host, String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(
                    ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            return new Answer(status, text);
        }
    }
}
