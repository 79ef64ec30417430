package com.xpowerbanq.schema.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class MetricsEndpointTest {
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void answersGetOfMetricsWithTheScrapeOnLoopbackOnly() throws Exception {
        try (MetricsEndpoint endpoint = MetricsEndpoint.start(0, () -> "up 1\n")) {
            HttpResponse<String> scrape = send(endpoint, "GET", "/metrics");

            assertThat(endpoint.url()).startsWith("http://127.0.0.1:").endsWith("/metrics");
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.body()).isEqualTo("up 1\n");
            assertThat(scrape.headers().firstValue("Content-Type"))
                    .hasValue("text/plain; version=0.0.4; charset=utf-8");
            assertThat(send(endpoint, "POST", "/metrics").statusCode()).isEqualTo(405);
            assertThat(send(endpoint, "GET", "/metricsx").statusCode()).isEqualTo(404);
            assertThat(send(endpoint, "GET", "/").statusCode()).isEqualTo(404);
        }
    }

    private HttpResponse<String> send(MetricsEndpoint endpoint, String method, String path)
            throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + path))
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
