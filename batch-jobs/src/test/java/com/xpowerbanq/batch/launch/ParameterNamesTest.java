package com.xpowerbanq.batch.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParameterNamesTest {
    private static final Set<String> RETWAP =
            Set.of("series", "broadcast", "percent-min", "percent-max", "amount");

    @Test
    void everySpellingOfAKnownNameIsThatName() {
        assertThat(
                        ParameterNames.canonical(
                                Map.of(
                                        "percent_min", "1",
                                        "PERCENTMAX", "2",
                                        "Series", "all",
                                        "amount", "1e9"),
                                RETWAP))
                .isEqualTo(
                        Map.of(
                                "percent-min",
                                "1",
                                "percent-max",
                                "2",
                                "series",
                                "all",
                                "amount",
                                "1e9"));
    }

    @Test
    void unknownNamesAreLeftForTheValidatorToRefuse() {
        assertThat(ParameterNames.canonical(Map.of("percent-mid", "1"), RETWAP))
                .isEqualTo(Map.of("percent-mid", "1"));
    }

    @Test
    void twoSpellingsWithTwoValuesAreRefused() {
        var parameters = new java.util.LinkedHashMap<String, String>();
        parameters.put("percent-min", "1");
        parameters.put("percent.min", "2");

        assertThatThrownBy(() -> ParameterNames.canonical(parameters, RETWAP))
                .hasMessage(
                        "parameter 'percent-min' given twice with two values (as 'percent-min'"
                                + " and 'percent.min')");
    }
}
