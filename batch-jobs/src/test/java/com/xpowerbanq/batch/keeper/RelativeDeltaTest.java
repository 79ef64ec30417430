package com.xpowerbanq.batch.keeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class RelativeDeltaTest {

    private static ContractReads.Quote quote(long bid, long ask) {
        return new ContractReads.Quote(BigInteger.valueOf(bid), BigInteger.valueOf(ask));
    }

    @Test
    void equalQuotesHaveNoDelta() {
        assertThat(RelativeDelta.of(quote(100, 110), quote(100, 110))).isZero();
    }

    @Test
    void deltaIsTheMeanOfTwiceTheDifferenceOverTheSumForBidAndAsk() {
        // bid: 2*10/210 = 0.095238..., ask: 2*0/220 = 0
        assertThat(RelativeDelta.of(quote(100, 110), quote(110, 110)))
                .isCloseTo((20.0 / 210) / 2, within(1e-15));
    }

    @Test
    void deltaIsSymmetricInOracleAndFeed() {
        assertThat(RelativeDelta.of(quote(97, 103), quote(100, 100)))
                .isEqualTo(RelativeDelta.of(quote(100, 100), quote(97, 103)));
    }

    @Test
    void zeroSumsCountAsNoDelta() {
        assertThat(RelativeDelta.of(quote(0, 0), quote(0, 0))).isZero();
    }
}
