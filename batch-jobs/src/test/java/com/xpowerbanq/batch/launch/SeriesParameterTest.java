package com.xpowerbanq.batch.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.xpowerbanq.schema.Catalogue;
import com.xpowerbanq.schema.Kind;
import com.xpowerbanq.schema.Series;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SeriesParameterTest {
    static final BiFunction<String, Series, String> OTHER_KIND =
            (name, series) -> name + " is " + series.kind();

    private static List<String> ids(String value, Kind kind) {
        return SeriesParameter.parse(value, kind, OTHER_KIND).stream()
                .map(Series::instanceId)
                .toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "all", "ALL", " all "})
    void allOrNothingSelectsEverySeriesOfTheKind(String value) {
        assertThat(ids(value, Kind.RI)).hasSize(28);
        assertThat(ids(value, Kind.RT)).hasSize(14);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "ri_apow_supply_0|RI|APOW:supply:P000",
                "APOW_supply_P000|RI|APOW:supply:P000",
                "ri-APOW:supply:P000.db|RI|APOW:supply:P000",
                "ri_wavax_borrow_4|RI|AVAX:borrow:P004",
                "ri_usdt_supply_6|RI|USDT:supply:P006",
                "rt_xpow_apow_0|RT|XPOW_APOW:T000",
                "XPOW:APOW:T000|RT|XPOW_APOW:T000",
                "rt_apow_wavax_1|RT|APOW_AVAX:T001",
                "rt_usdt_xpow_6|RT|USDT_XPOW:T006",
            })
    void aSeriesIsNamedByInstanceIdApiNameOrStateFile(String name, Kind kind, String id) {
        assertThat(ids(name, kind)).containsExactly(id);
    }

    @Test
    void formsMixInOneListAndASeriesNamedTwiceIsSelectedOnce() {
        assertThat(ids("rt_xpow_apow_0, USDC_APOW:T002 ,XPOW_APOW:T000,,rt_usdc_apow_2", Kind.RT))
                .containsExactly("XPOW_APOW:T000", "USDC_APOW:T002");
    }

    @Test
    void aSeriesOfTheOtherKindGetsTheJobsOwnWords() {
        assertThatThrownBy(() -> ids("rt_xpow_apow_0", Kind.RI))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rt_xpow_apow_0 is RT");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "ri_avax_supply_1|AVAX series are named by the wrapped token's symbol, wavax",
                "ri_apow_supply_9|expected ri_<token>_<supply|borrow>_<pool 0-6>",
                "APOW:lend:P000|unknown mode 'lend'",
                "nope|is not a series instance id",
            })
    void anUnknownNameSaysWhatWasExpectedAndWhereToSeeTheNames(String name, String expected) {
        assertThatThrownBy(() -> ids(name, Kind.RI))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("series=" + name + ": ")
                .hasMessageContaining(expected)
                .hasMessageEndingWith(
                        "; `banq batch list` shows every series by instance id and API name");
    }

    @Test
    void onlySeparatorsNameNoSeries() {
        assertThatThrownBy(() -> ids(" , ", Kind.RI))
                .hasMessage(
                        "series= names no series: use all or ids like APOW:supply:P000 (or API"
                                + " names like ri_apow_supply_0)");
        assertThat(SeriesParameter.example(Kind.RT))
                .isEqualTo(Catalogue.rt().getFirst().instanceId());
    }
}
