package com.xpowerbanq.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Thousands of random request targets: never a 500, never a dead server, always JSON errors. */
class ApiFuzzIT {
    private static final String[] PIECES = {
        "ri_",
        "rt_",
        "apow",
        "_supply_0",
        "xpow_apow_0",
        "/",
        "/daily_average.json",
        "/daily_ohlc.json",
        "?",
        "&",
        "=",
        "lhs",
        "rhs",
        "2025-11-15",
        "2026-02-30",
        "9999-12-31",
        "0000-01-01",
        "..",
        ".",
        "%",
        "%2F",
        "%2e",
        "%00",
        "%0A",
        "%zz",
        "%C3%A9",
        "%FF",
        "\\",
        "'",
        "\"",
        ";",
        "<",
        ">",
        "*",
        "#",
        "+",
        "~",
        "-",
        "_",
        "0",
        "health",
        "robots.txt",
        "lhs=2025-11-15",
        "&rhs=2025-11-16",
        "ri_apow_supply_0",
        "rt_xpow_apow_0",
        "é",
        "\u00ff"
    };
    private static final Set<Integer> EXPECTED = Set.of(200, 204, 400, 404, 405, 414, 503);

    @TempDir Path dbPath;

    @Test
    void randomTargetsNeverGet500AndTheServerStaysUp() throws Exception {
        long day = LocalDate.parse("2025-11-15").atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        try (SeriesFiles db = SeriesFiles.current(dbPath.resolve("ri_apow_supply_0.db"), true)) {
            db.reindex(day, 0.5);
        }
        try (SeriesFiles db = SeriesFiles.legacy(dbPath.resolve("rt_xpow_apow_0.db"), false)) {
            db.refresh(day, 1.0, 2.0);
        }
        ObjectMapper json = new ObjectMapper();
        Random random = new Random(42);
        List<String> methods = List.of("GET", "GET", "GET", "HEAD", "OPTIONS", "POST");
        try (ApiServer api = ApiServerFixture.start(dbPath, 90)) {
            RawHttp http = new RawHttp(api.port());
            for (int i = 0; i < 4_000; i++) {
                StringBuilder target = new StringBuilder("/");
                int pieces = 1 + random.nextInt(12);
                for (int p = 0; p < pieces; p++) {
                    target.append(PIECES[random.nextInt(PIECES.length)]);
                }
                String method = methods.get(random.nextInt(methods.size()));
                RawHttp.Response response = http.send(method, target.toString(), Map.of());

                assertThat(response.status()).as("%s %s", method, target).isIn(EXPECTED);
                if (!method.equals("HEAD") && response.status() >= 400) {
                    assertThat(json.readTree(response.body()).path("error").isTextual())
                            .as("%s %s -> %s", method, target, response.body())
                            .isTrue();
                }
            }
            assertThat(http.get("/health").status()).isEqualTo(200);
        }
    }
}
