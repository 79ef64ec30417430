package com.xpowerbanq.batch.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.xpowerbanq.schema.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndexJobParametersTest {

    @Test
    void allMeansEverySeriesOfTheJobsKind() {
        assertThat(
                        IndexJobParameters.parse(
                                        Kind.RI, "all", "86400", "-1", "finalized", "false")
                                .series())
                .hasSize(28);
        assertThat(
                        IndexJobParameters.parse(
                                        Kind.RT, "all", "86400", "-1", "finalized", "false")
                                .series())
                .hasSize(14);
    }

    @Test
    void seriesAcceptBothSeparatorsAndDropRepeats() {
        var parameters =
                IndexJobParameters.parse(
                        Kind.RI,
                        "APOW_supply_P000,APOW:supply:P000,XPOW:borrow:P004",
                        "100",
                        "deploy",
                        "latest",
                        "true");

        assertThat(parameters.series())
                .extracting(s -> s.instanceId())
                .containsExactly("APOW:supply:P000", "XPOW:borrow:P004");
        assertThat(parameters.rescan()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "XPOW_APOW:T000|86400|-1|finalized|false|is an RT series",
                "all|0|-1|finalized|false|window=0",
                "all|86400|yesterday|finalized|false|from=yesterday",
                "all|86400|-1|safe|false|to=safe",
                "all|86400|-1|finalized|yes|rescan=yes",
                "all|86400|500|100|false|from=500 is above to=100"
            })
    void badValuesAreRejectedNamingTheParameter(
            String series, String window, String from, String to, String rescan, String message) {
        assertThatThrownBy(
                        () -> IndexJobParameters.parse(Kind.RI, series, window, from, to, rescan))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void seriesAreNamedByApiNameAsWellAsByInstanceId() {
        IndexJobParameters parameters =
                IndexJobParameters.parse(
                        Kind.RT,
                        "rt_xpow_apow_0,rt_apow_wavax_1,XPOW_APOW:T000",
                        "100",
                        "-1",
                        "finalized",
                        "false");

        assertThat(parameters.series())
                .extracting(s -> s.instanceId())
                .containsExactly("XPOW_APOW:T000", "APOW_AVAX:T001");
    }

    @Test
    void anUnknownSeriesNameSaysHowToListTheValidOnes() {
        assertThatThrownBy(
                        () ->
                                IndexJobParameters.parse(
                                        Kind.RI,
                                        "ri_apow_lend_0",
                                        "100",
                                        "-1",
                                        "finalized",
                                        "false"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("series=ri_apow_lend_0")
                .hasMessageContaining("`banq batch list`");
        assertThatThrownBy(
                        () ->
                                IndexJobParameters.parse(
                                        Kind.RI,
                                        "rt_xpow_apow_0",
                                        "100",
                                        "-1",
                                        "finalized",
                                        "false"))
                .hasMessageContaining("series=rt_xpow_apow_0 is an RT series");
    }
}
