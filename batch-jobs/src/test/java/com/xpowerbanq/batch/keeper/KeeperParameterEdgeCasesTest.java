package com.xpowerbanq.batch.keeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.xpowerbanq.batch.launch.JobNames;
import com.xpowerbanq.batch.launch.StringParameters;
import com.xpowerbanq.schema.Kind;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * Keeper parameters at the edges: what the launchers add, typed values, spellings of a key, and
 * numbers just outside their ranges.
 */
class KeeperParameterEdgeCasesTest {
    private final KeeperParametersValidator reindex = new KeeperParametersValidator(Kind.RI);
    private final KeeperParametersValidator retwap = new KeeperParametersValidator(Kind.RT);

    @Test
    void theLaunchersOwnParametersAndNoParametersAtAllAreAccepted() {
        // given: what the CLI (run) and the scheduler (fired, trigger) add to a launch
        JobParameters launch =
                StringParameters.of(
                        JobNames.RUN, "1", "fired", "2026-12-01T06:30:00Z", "trigger", "cron");

        // when / then
        for (KeeperParametersValidator validator :
                new KeeperParametersValidator[] {reindex, retwap}) {
            assertThatCode(() -> validator.validate(launch)).doesNotThrowAnyException();
            assertThatCode(() -> validator.validate(null)).doesNotThrowAnyException();
            assertThatCode(() -> validator.validate(new JobParameters()))
                    .doesNotThrowAnyException();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {KeeperJobs.PERCENT_MAX, KeeperJobs.AMOUNT})
    void theReindexKeeperRefusesTheRetwapOnlyOptions(String option) {
        assertThatThrownBy(() -> reindex.validate(StringParameters.of(option, "1")))
                .isInstanceOf(InvalidJobParametersException.class)
                .hasMessage("unknown parameter '" + option + "' (accepted: [broadcast, series])");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PRIVATE_KEY", "signingKey", "KEYFILE", "privateFile"})
    void aKeyIsRefusedWhateverItsSpellingWithoutEchoingIt(String name) {
        assertThatThrownBy(() -> retwap.validate(StringParameters.of(name, "0xdeadbeef")))
                .isInstanceOf(InvalidJobParametersException.class)
                .hasMessageContaining("PRIVATE_KEY_FILE")
                .hasMessageNotContaining("0xdeadbeef");
    }

    @Test
    void typedValuesAreReadAsTheirText() throws Exception {
        // given
        JobParameters typed =
                new JobParametersBuilder()
                        .addLong(KeeperJobs.AMOUNT, 5000L)
                        .addDouble(KeeperJobs.PERCENT_MIN, 0.5)
                        .addJobParameter(KeeperJobs.BROADCAST, Boolean.TRUE, Boolean.class)
                        .toJobParameters();

        // when
        retwap.validate(typed);
        var options = KeeperParametersValidator.KeeperOptions.from(typed);

        // then
        assertThat(options.amount()).isEqualTo(BigInteger.valueOf(5000));
        assertThat(options.broadcast()).isTrue();
        assertThat(options.bounds())
                .isEqualTo(DeltaBounds.percent(0.5, DeltaBounds.DEFAULT_PERCENT_MAX));
    }

    @Test
    void broadcastIsReadWhateverItsCase() {
        assertThat(
                        KeeperParametersValidator.KeeperOptions.from(
                                        StringParameters.of("broadcast", "TRUE"))
                                .broadcast())
                .isTrue();
        assertThat(
                        KeeperParametersValidator.KeeperOptions.from(
                                        StringParameters.of("broadcast", "False"))
                                .broadcast())
                .isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "amount, 0",
        "amount, 1.5",
        "amount, 1e-3",
        "percent-min, -1",
        "percent-max, NaN",
        "percent-max, Infinity"
    })
    void numbersOutsideTheirRangeAreRefusedNamingTheParameter(String name, String value) {
        assertThatThrownBy(() -> retwap.validate(StringParameters.of(name, value)))
                .isInstanceOf(InvalidJobParametersException.class)
                .hasMessageStartingWith(name + "=" + value + " must be");
    }

    @Test
    void aSelectionOfOnlySeparatorsNamesNoSeriesAndIsRefused() {
        assertThatThrownBy(() -> retwap.validate(StringParameters.of(KeeperJobs.SERIES, " , ,")))
                .isInstanceOf(InvalidJobParametersException.class)
                .hasMessageContaining(
                        "series= names no series: use all or ids like XPOW_APOW:T000");
    }
}
