package com.xpowerbanq.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answers sent from their kept bytes: a client that accepts gzip gets the same JSON gzipped, with
 * the length of what is sent; others get it as it is, also with its length.
 */
class CompressedAnswersIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aLargeAnswerIsGzippedForAClientThatAcceptsItAndUnchangedInside(@TempDir Path dir)
            throws Exception {
        // given: 60 days of a series, an answer larger than one packet
        LocalDate first = LocalDate.parse("2025-10-01");
        try (SeriesFiles db = SeriesFiles.current(dir.resolve("ri_zip_supply_0.db"), true)) {
            for (int d = 0; d < 60; d++) {
                long t = first.plusDays(d).atStartOfDay().toEpochSecond(ZoneOffset.UTC) + 3600;
                db.reindex(t, 0.25 + d / 1000.0);
            }
            db.commit();
        }
        try (ApiServer api = ApiServerFixture.start(dir, 90)) {
            String target = "/ri_zip_supply_0/daily_average.json?lhs=2025-10-01&rhs=2025-11-29";

            // when: asked twice without gzip (the second from the kept answer), then with it
            HttpResponse<byte[]> plain = get(api, target, "identity");
            HttpResponse<byte[]> again = get(api, target, null);
            HttpResponse<byte[]> zipped = get(api, target, "br, gzip");

            // then
            assertThat(plain.body().length).isGreaterThan(AnswerBody.MIN_GZIP_SIZE);
            assertThat(again.body()).isEqualTo(plain.body());
            assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(plain.headers().firstValue("Content-Length"))
                    .hasValue(Integer.toString(plain.body().length));
            assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
            assertThat(zipped.headers().firstValue("Content-Length"))
                    .hasValue(Integer.toString(zipped.body().length));
            assertThat(zipped.body().length).isLessThan(plain.body().length);
            assertThat(gunzip(zipped.body())).isEqualTo(plain.body());
        }
    }

    @Test
    void aSmallAnswerGoesOutAsItIsEvenToAClientThatAcceptsGzip(@TempDir Path dir) throws Exception {
        try (ApiServer api = ApiServerFixture.start(dir, 90)) {
            HttpResponse<byte[]> health = get(api, "/health", "gzip");

            assertThat(health.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(new String(health.body(), StandardCharsets.UTF_8))
                    .isEqualTo(ServiceHandlers.HEALTH);
        }
    }

    private static HttpResponse<byte[]> get(ApiServer api, String target, String acceptEncoding)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + target));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        HttpResponse<byte[]> response =
                HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }
}
