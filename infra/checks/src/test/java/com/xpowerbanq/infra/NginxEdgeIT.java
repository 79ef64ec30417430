package com.xpowerbanq.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The two ways in, on loopback: the site behind "Cloudflare" (whose ranges, written by
 * banq-cloudflare-ips, are 127.0.0.2 here: all of 127.0.0.0/8 is loopback on Linux, so a client
 * bound to 127.0.0.2 is an edge and one bound to 127.0.0.1 is not) serving plain HTTP as in
 * Cloudflare's flexible mode, and the site direct to origin redirecting plain HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class NginxEdgeIT {
    private static final String EDGE = "127.0.0.2";
    private static final String OUTSIDER = "127.0.0.1";
    private static final String VISITOR = "203.0.113.7";

    @TempDir static Path work;

    private RecordingUpstream upstream;
    private CloudflareIpsScript cloudflare;
    private LoopbackNginx behindCloudflare;
    private LoopbackNginx direct;

    @BeforeAll
    void startBothSites() throws Exception {
        upstream = RecordingUpstream.start();
        Path edgePrefix = Files.createDirectories(work.resolve("cloudflare"));
        Path ranges = edgePrefix.resolve("cloudflare-ips.conf");
        behindCloudflare =
                LoopbackNginx.configure(
                        edgePrefix,
                        upstream.port(),
                        new LoopbackNginx.Switches("cloudflare", "serve", ranges));
        cloudflare = CloudflareIpsScript.publishing(EDGE + "/32\n", "2001:db8::/32\n");
        Command.Result written =
                cloudflare.run(
                        nginx(),
                        "--output",
                        ranges.toString(),
                        "--nginx-conf",
                        behindCloudflare.configuration().toString(),
                        "--no-reload");
        assertThat(written.ok()).as("banq-cloudflare-ips:%n%s", written.output()).isTrue();
        direct =
                LoopbackNginx.configure(
                        Files.createDirectories(work.resolve("direct")),
                        upstream.port(),
                        LoopbackNginx.Switches.of("direct", "redirect"));
        behindCloudflare.start();
        direct.start();
        await().atMost(Duration.ofSeconds(20)).until(behindCloudflare::accepting);
        await().atMost(Duration.ofSeconds(20)).until(direct::accepting);
    }

    @AfterAll
    void stop() throws InterruptedException {
        for (LoopbackNginx nginx : new LoopbackNginx[] {behindCloudflare, direct}) {
            if (nginx != null) {
                nginx.close();
            }
        }
        if (cloudflare != null) {
            cloudflare.close();
        }
        if (upstream != null) {
            upstream.close();
        }
    }

    @Test
    @Order(1)
    void aRequestFromACloudflareRangeIsServedAndLoggedAsItsVisitor() throws Exception {
        // when: an edge passes a visitor's request on over plain HTTP (flexible mode)
        HttpResponse<String> response =
                send(from(EDGE), plain(behindCloudflare, "/health?case=edge"), VISITOR);

        // then: served, not redirected; the API and the access log see the visitor
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(upstream.realIp("/health?case=edge")).hasValue(VISITOR);
        assertThat(loggedClient(behindCloudflare, "/health?case=edge")).isEqualTo(VISITOR);
    }

    @Test
    @Order(2)
    void theHeaderFromOutsideCloudflaresRangesIsIgnored() throws Exception {
        HttpResponse<String> response =
                send(from(OUTSIDER), plain(behindCloudflare, "/health?case=outsider"), VISITOR);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(upstream.realIp("/health?case=outsider")).hasValue(OUTSIDER);
        assertThat(loggedClient(behindCloudflare, "/health?case=outsider")).isEqualTo(OUTSIDER);
    }

    @Test
    @Order(3)
    void directToOriginIgnoresTheHeaderEvenFromCloudflaresRangesAndRedirectsPlainHttp()
            throws Exception {
        HttpResponse<String> response =
                send(from(EDGE), plain(direct, "/health?case=direct"), VISITOR);

        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("location"))
                .hasValueSatisfying(location -> assertThat(location).startsWith("https://"));
        assertThat(loggedClient(direct, "/health?case=direct")).isEqualTo(EDGE);
    }

    @Test
    @Order(4)
    void theRateLimitAndFail2banActOnTheVisitorNotOnTheEdge() throws Exception {
        // given: one edge carrying one visitor's storm
        HttpClient edge = from(EDGE);

        // when: batches of parallel requests until nginx refuses one (100 r/s, burst 200)
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int batch = 0; batch < 100 && refused(responses) == 0; batch++) {
            List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                inFlight.add(
                        edge.sendAsync(
                                visiting(plain(behindCloudflare, "/health?case=storm"), VISITOR),
                                HttpResponse.BodyHandlers.ofString()));
            }
            inFlight.forEach(response -> responses.add(response.join()));
        }

        // then: the visitor is refused, another visitor through the same edge is not
        assertThat(refused(responses)).as("429s in %d requests", responses.size()).isPositive();
        HttpResponse<String> other =
                send(edge, plain(behindCloudflare, "/health?case=other"), "203.0.113.8");
        assertThat(other.statusCode()).isEqualTo(200);

        // and: fail2ban's ratelimit jail finds every 429, each one the visitor's, none the edge's
        Path log = behindCloudflare.accessLog();
        long logged429 =
                Files.readAllLines(log).stream().filter(line -> line.contains("\" 429 ")).count();
        List<String> matched = Fail2banRegex.matches(log, "ratelimit");
        assertThat(matched)
                .hasSize((int) logged429)
                .hasSizeGreaterThanOrEqualTo((int) refused(responses))
                .allSatisfy(line -> assertThat(line).startsWith(VISITOR + " "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-tls1_2", "-tls1_3"})
    @Order(5)
    void opensslConnectsWithTls12And13(String version) {
        Command.Result handshake = sClient(behindCloudflare, version);

        assertThat(handshake.ok())
                .as("openssl s_client %s:%n%s", version, handshake.output())
                .isTrue();
        assertThat(handshake.output())
                .contains("Protocol version: TLSv1." + version.charAt(version.length() - 1));
    }

    @Test
    @Order(6)
    void tls12WithoutAnAeadCipherIsRefused() {
        Command.Result handshake =
                sClient(behindCloudflare, "-tls1_2", "-cipher", "ECDHE-ECDSA-AES128-SHA256");

        assertThat(handshake.ok()).as("openssl s_client:%n%s", handshake.output()).isFalse();
    }

    @Test
    @Order(7)
    void refreshedRangesReachTheRunningNginxOnReload() throws Exception {
        // given: Cloudflare publishes another range, and no longer the old one
        cloudflare.publish("127.0.0.3/32\n", "2001:db8::/32\n");

        // when
        Command.Result refreshed =
                cloudflare.run(
                        nginx(),
                        "--output",
                        work.resolve("cloudflare/cloudflare-ips.conf").toString(),
                        "--nginx-conf",
                        behindCloudflare.configuration().toString());

        // then: the new edge's visitor is believed once the workers have reloaded
        assertThat(refreshed.ok()).as("banq-cloudflare-ips:%n%s", refreshed.output()).isTrue();
        HttpClient newEdge = from("127.0.0.3");
        int[] attempt = {0};
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            String target = "/health?case=reload-" + attempt[0]++;
                            send(newEdge, plain(behindCloudflare, target), "203.0.113.9");
                            return upstream.realIp(target).orElse("").equals("203.0.113.9");
                        });
        send(from(EDGE), plain(behindCloudflare, "/health?case=old-edge"), "203.0.113.10");
        assertThat(upstream.realIp("/health?case=old-edge")).hasValue(EDGE);
    }

    private static long refused(List<HttpResponse<String>> responses) {
        return responses.stream().filter(response -> response.statusCode() == 429).count();
    }

    private static Command.Result sClient(LoopbackNginx nginx, String... options) {
        List<String> argv =
                new ArrayList<>(
                        List.of(
                                Executables.require("openssl", "openssl"),
                                "s_client",
                                "-brief",
                                "-connect",
                                "127.0.0.1:" + nginx.httpsPort(),
                                "-servername",
                                "localhost"));
        argv.addAll(List.of(options));
        return Command.run(argv);
    }

    /** The client address of the access log line of the request for target. */
    private static String loggedClient(LoopbackNginx nginx, String target) throws Exception {
        List<String> lines =
                Files.readAllLines(nginx.accessLog()).stream()
                        .filter(line -> line.contains("\"GET " + target + " "))
                        .toList();
        assertThat(lines).as("access log lines of %s", target).hasSize(1);
        return lines.getFirst().substring(0, lines.getFirst().indexOf(' '));
    }

    private static HttpClient from(String address) throws Exception {
        return HttpClient.newBuilder()
                .localAddress(InetAddress.getByName(address))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private static URI plain(LoopbackNginx nginx, String target) {
        return URI.create("http://127.0.0.1:" + nginx.httpPort() + target);
    }

    private static HttpRequest visiting(URI uri, String visitor) {
        return HttpRequest.newBuilder(uri)
                .header("CF-Connecting-IP", visitor)
                .timeout(Duration.ofSeconds(30))
                .build();
    }

    private static HttpResponse<String> send(HttpClient client, URI uri, String visitor)
            throws Exception {
        return client.send(visiting(uri, visitor), HttpResponse.BodyHandlers.ofString());
    }

    private static String nginx() {
        return Executables.require("nginx", "nginx");
    }
}
