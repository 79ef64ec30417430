package com.xpowerbanq.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.URI;
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
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** nginx with the production site in front of the real banq-api, both on loopback. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class NginxProxyIT {
    @TempDir static Path work;

    private ApiProcess api;
    private LoopbackNginx nginx;
    private HttpClient client;

    @BeforeAll
    void startApiBehindNginx() throws Exception {
        Path prefix = Files.createDirectories(work.resolve("nginx"));
        Path dbPath = Files.createDirectories(work.resolve("db"));
        HttpClient plain = HttpClient.newHttpClient();
        api = ApiProcess.start(dbPath, work);
        nginx = LoopbackNginx.configure(prefix, api.port());
        nginx.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> api.healthy(plain));
        await().atMost(Duration.ofSeconds(20)).until(nginx::accepting);
        client = client(prefix.resolve("cert.pem"), "TLSv1.3");
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (nginx != null) {
            nginx.close();
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    @Order(1)
    void healthAnswersThroughTheProxyWithTheSecurityHeaders() throws Exception {
        HttpResponse<String> response = client.send(get("/health"), ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(response.body()).contains("\"status\":\"ok\"", "XPower Banq API");
        assertThat(response.headers().firstValue("strict-transport-security"))
                .hasValueSatisfying(hsts -> assertThat(hsts).startsWith("max-age="));
        assertThat(response.headers().firstValue("x-content-type-options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("x-frame-options")).hasValue("DENY");
        assertThat(response.headers().firstValue("referrer-policy")).hasValue("no-referrer");
    }

    @Test
    @Order(2)
    void writeMethodsAreRefusedBeforeTheApi() throws Exception {
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            HttpRequest request =
                    HttpRequest.newBuilder(uri("/health"))
                            .method(method, HttpRequest.BodyPublishers.ofString("{}"))
                            .build();

            HttpResponse<String> response = client.send(request, ofString());

            assertThat(response.statusCode()).as(method).isEqualTo(405);
            assertThat(response.body()).as(method).startsWith("{\"error\":");
        }
        HttpResponse<String> head =
                client.send(
                        HttpRequest.newBuilder(uri("/health"))
                                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                                .build(),
                        ofString());
        assertThat(head.statusCode()).isNotEqualTo(405);
    }

    @Test
    @Order(3)
    void jsonIsGzippedForClientsThatAcceptIt() throws Exception {
        HttpRequest request =
                HttpRequest.newBuilder(uri("/")).header("Accept-Encoding", "gzip").build();

        HttpResponse<InputStream> response =
                client.send(request, HttpResponse.BodyHandlers.ofInputStream());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.headers().firstValue("content-encoding")).hasValue("gzip");
        try (InputStream body = new GZIPInputStream(response.body())) {
            assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).startsWith("{");
        }
    }

    @Test
    @Order(4)
    void plainHttpRedirectsToHttpsByDefaultAndTls12IsAccepted() throws Exception {
        HttpResponse<String> redirect =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        "http://127.0.0.1:"
                                                                + nginx.httpPort()
                                                                + "/health"))
                                        .build(),
                                ofString());
        assertThat(redirect.statusCode()).isEqualTo(301);
        assertThat(redirect.headers().firstValue("location"))
                .hasValueSatisfying(location -> assertThat(location).startsWith("https://"));

        // TLS 1.2 for origin pulls and probes that still use it (NginxEdgeIT: only modern ciphers)
        HttpClient tls12 = client(work.resolve("nginx/cert.pem"), "TLSv1.2");
        assertThat(tls12.send(get("/health"), ofString()).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(5)
    void aBurstAboveTheLimitGets429sThatFail2banCounts() throws Exception {
        // when: batches of parallel requests until nginx refuses one (100 r/s, burst 200), at most
        // 100 batches, far more than the burst
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int batch = 0; batch < 100 && refused(responses).isEmpty(); batch++) {
            List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                inFlight.add(client.sendAsync(get("/health"), ofString()));
            }
            for (var response : inFlight) {
                responses.add(response.join());
            }
        }

        // then
        Map<Integer, Long> counts =
                responses.stream()
                        .collect(
                                Collectors.groupingBy(
                                        HttpResponse::statusCode, Collectors.counting()));
        assertThat(counts).as("statuses of %d requests", responses.size()).containsKeys(200, 429);
        assertThat(counts.keySet()).containsOnly(200, 429);
        // the burst of 200, less what the earlier tests of this class used up a moment ago
        assertThat(counts.get(200)).as("requests passed in the burst").isGreaterThan(150);
        assertThat(refused(responses))
                .allSatisfy(
                        response ->
                                assertThat(response.body())
                                        .startsWith("{\"error\":\"too many requests"));

        // and: the ratelimit jail's filter finds every 429 in nginx's access log
        long logged429 =
                Files.readAllLines(nginx.accessLog()).stream()
                        .filter(line -> line.contains("\" 429 "))
                        .count();
        assertThat(Fail2banRegex.matches(nginx.accessLog(), "ratelimit").size())
                .isEqualTo((int) logged429)
                .isGreaterThanOrEqualTo(counts.get(429).intValue());
    }

    private static List<HttpResponse<String>> refused(List<HttpResponse<String>> responses) {
        return responses.stream().filter(response -> response.statusCode() == 429).toList();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).build();
    }

    private URI uri(String path) {
        return URI.create("https://127.0.0.1:" + nginx.httpsPort() + path);
    }

    private static HttpResponse.BodyHandler<String> ofString() {
        return HttpResponse.BodyHandlers.ofString();
    }

    private static HttpClient client(Path certificate, String protocol) throws Exception {
        return ThrowawayCertificate.trustingClient(certificate, protocol).build();
    }
}
