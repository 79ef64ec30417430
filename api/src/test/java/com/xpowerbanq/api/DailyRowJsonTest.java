package com.xpowerbanq.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.xpowerbanq.api.json.GoJson;
import java.util.List;
import org.junit.jupiter.api.Test;

class DailyRowJsonTest {

    @Test
    void rowsKeepTheContractKeyOrder() {
        String json =
                DailyRow.toJson(
                        List.of(
                                new DailyAverage(0.25, "2025-11-15", 2),
                                new DailyAverage(1e-7, "2025-11-16", 1)));
        assertThat(json)
                .isEqualTo(
                        "[{\"avg_util\":0.25,\"day\":\"2025-11-15\",\"n\":2},"
                                + "{\"avg_util\":1e-7,\"day\":\"2025-11-16\",\"n\":1}]\n");
        String ohlc = DailyRow.toJson(List.of(new DailyOhlc(1.5, 2.0, 1.0, null, "2025-11-15", 3)));
        assertThat(ohlc)
                .isEqualTo(
                        "[{\"open\":1.5,\"high\":2,\"low\":1,\"close\":null,\"day\":\"2025-11-15\",\"n\":3}]\n");
    }

    @Test
    void eachRowRecordPinsTheKeyOrderTheUiReadsByPosition() {
        // given: the order the web UI reads rows in, by position
        List<String> average = List.of("avg_util", "day", "n");
        List<String> ohlc = List.of("open", "high", "low", "close", "day", "n");

        // then: each record declares exactly that order
        assertThat(DailyAverage.class.getAnnotation(JsonPropertyOrder.class).value())
                .containsExactlyElementsOf(average);
        assertThat(DailyOhlc.class.getAnnotation(JsonPropertyOrder.class).value())
                .containsExactlyElementsOf(ohlc);
    }

    @Test
    void theDescriptionSortsItsKeysAsGoSortedMapKeys() {
        assertThat(GoJson.document(ApiDescription.of(Route.DAILY_OHLC, Route.DAILY_AVERAGE)))
                .startsWith("{\"description\":\"Read-only API")
                .contains("\"endpoints\":{\"daily_average\":{\"description\"")
                .contains("\"params\":\"?lhs=YYYY-MM-DD\\u0026rhs=YYYY-MM-DD\"")
                .endsWith("\"title\":\"XPower Banq Database API\"}\n");
    }

    @Test
    void errorBodiesEscapeAsGoDid() {
        assertThat(GoJson.error("a <b> & \"c\"\u0001\u2028"))
                .isEqualTo("{\"error\":\"a \\u003cb\\u003e \\u0026 \\\"c\\\"\\u0001\\u2028\"}\n");
    }
}
