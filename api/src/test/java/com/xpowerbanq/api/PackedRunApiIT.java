package com.xpowerbanq.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.xpowerbanq.schema.Catalogue;
import com.xpowerbanq.schema.ContractRun;
import com.xpowerbanq.schema.Kind;
import com.xpowerbanq.schema.Series;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API over a v10b index: every name the web UI asks on v10b (the 42 series, both endpoints),
 * answered from databases whose rows are written as the v10b decoders write them.
 */
class PackedRunApiIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DAY = "2025-11-15";
    private static final long MIDNIGHT =
            LocalDate.parse(DAY).atStartOfDay().toEpochSecond(ZoneOffset.UTC);

    @Test
    void everyV10bSeriesAnswersWhatTheViewsGiveForItsRows(@TempDir Path dbPath) throws Exception {
        // given: per series two events; RI utilisations u and u/2, RT mids m and 2m (quote_mid)
        List<Series> all = Catalogue.all();
        for (int i = 0; i < all.size(); i++) {
            Series series = all.get(i);
            boolean ri = series.kind() == Kind.RI;
            Path file = dbPath.resolve(series.apiName() + ".db");
            try (SeriesFiles db = SeriesFiles.current(file, ri, ContractRun.V10B)) {
                if (ri) {
                    db.reindexLog(MIDNIGHT + 60, util(i)).reindexLog(MIDNIGHT + 120, util(i) / 2);
                } else {
                    db.refreshMidNames(ContractRun.V10B, MIDNIGHT + 60, mid(i), 0.25, 100 + i, 0)
                            .refreshMidNames(
                                    ContractRun.V10B, MIDNIGHT + 120, 2 * mid(i), 0.5, 200 + i, 0);
                }
            }
        }

        // when / then
        try (ApiServer api = ApiServerFixture.start(dbPath, 90)) {
            RawHttp http = new RawHttp(api.port());
            for (int i = 0; i < all.size(); i++) {
                Series series = all.get(i);
                String query = "?lhs=" + DAY + "&rhs=" + DAY;
                if (series.kind() == Kind.RI) {
                    RawHttp.Response response =
                            http.get("/" + series.apiName() + "/daily_average.json" + query);
                    assertThat(response.status()).as(series.apiName()).isEqualTo(200);
                    LinkedHashMap<String, Object> row = rows(response).getFirst();
                    assertThat(((Number) row.get("avg_util")).doubleValue())
                            .as(series.apiName())
                            .isEqualTo(0.75 * util(i));
                    assertThat(row.get("n")).isEqualTo(2);
                } else {
                    RawHttp.Response response =
                            http.get("/" + series.apiName() + "/daily_ohlc.json" + query);
                    assertThat(response.status()).as(series.apiName()).isEqualTo(200);
                    // the mid is quote_mid: (bid_e18 + ask_e18) / 2 with bid = ask = quote_mid
                    assertThat(response.body())
                            .as(series.apiName())
                            .isEqualTo(
                                    "[{\"open\":%s,\"high\":%s,\"low\":%s,\"close\":%s,\"day\":\"%s\",\"n\":2}]\n"
                                            .formatted(
                                                    number(mid(i)),
                                                    number(2 * mid(i)),
                                                    number(mid(i)),
                                                    number(2 * mid(i)),
                                                    DAY));
                }
            }
        }
    }

    /** A utilisation exact in binary, so the mean is exact too. */
    private static double util(int i) {
        return (i + 1) / 64.0;
    }

    /** A mid exact in binary (a log2 price, as the UI reads these runs). */
    private static double mid(int i) {
        return 1 + i / 8.0;
    }

    /** As Go's encoding/json wrote a float: integral values without a fraction. */
    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static List<LinkedHashMap<String, Object>> rows(RawHttp.Response response)
            throws Exception {
        return JSON.readValue(response.body(), new TypeReference<>() {});
    }
}
