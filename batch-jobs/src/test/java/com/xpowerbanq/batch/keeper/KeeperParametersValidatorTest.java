package com.xpowerbanq.batch.keeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.xpowerbanq.schema.Kind;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

class KeeperParametersValidatorTest {
    private final KeeperParametersValidator reindex = new KeeperParametersValidator(Kind.RI);
    private final KeeperParametersValidator retwap = new KeeperParametersValidator(Kind.RT);

    private static JobParameters parameters(String... pairs) {
        JobParametersBuilder builder = new JobParametersBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            builder.addString(pairs[i], pairs[i + 1]);
        }
        return builder.toJobParameters();
    }

    @Test
    void acceptsSeriesOfTheJobsKindAndBroadcast() {
        assertThatCode(
                        () ->
                                reindex.validate(
                                        parameters(
                                                "series", "APOW:supply:P000,XPOW_borrow_P004",
                                                "broadcast", "true")))
                .doesNotThrowAnyException();
        assertThatCode(() -> retwap.validate(parameters("series", "all", "percent-min", "0.5")))
                .doesNotThrowAnyException();
    }

    @Test
    void rejectsASeriesOfTheOtherKindNamingIt() {
        assertThatThrownBy(() -> reindex.validate(parameters("series", "XPOW_APOW:T000")))
                .isInstanceOf(InvalidJobParametersException.class)
                .hasMessageContaining("XPOW_APOW:T000")
                .hasMessageContaining("RI");
    }

    @Test
    void rejectsUnknownParametersListingTheAcceptedOnes() {
        assertThatThrownBy(() -> reindex.validate(parameters("percent-min", "3")))
                .isInstanceOf(InvalidJobParametersException.class)
                .hasMessageContaining("percent-min")
                .hasMessageContaining("broadcast");
    }

    @Test
    void neverTakesAKeyAsParameter() {
        assertThatThrownBy(() -> reindex.validate(parameters("private-key", "0xabc")))
                .isInstanceOf(InvalidJobParametersException.class)
                .hasMessageContaining("PRIVATE_KEY_FILE")
                .hasMessageNotContaining("0xabc");
    }

    @Test
    void rejectsBadNumbersNamingTheParameter() {
        assertThatThrownBy(() -> retwap.validate(parameters("percent-max", "lots")))
                .hasMessageContaining("percent-max=lots");
        assertThatThrownBy(() -> retwap.validate(parameters("amount", "-5")))
                .hasMessageContaining("amount=-5");
        assertThatThrownBy(() -> retwap.validate(parameters("broadcast", "yes")))
                .hasMessageContaining("broadcast=yes");
    }

    @Test
    void optionsDefaultToDryRunWithTheOriginalsBoundsAndAmount() {
        var options = KeeperParametersValidator.KeeperOptions.from(parameters());
        assertThat(options.broadcast()).isFalse();
        assertThat(options.bounds()).isEqualTo(DeltaBounds.defaults());
        assertThat(options.amount()).isEqualTo(BigInteger.valueOf(1_000_000_000L));
        assertThat(
                        KeeperParametersValidator.KeeperOptions.from(parameters("amount", "1e18"))
                                .amount())
                .isEqualTo(BigInteger.TEN.pow(18));
    }
}
