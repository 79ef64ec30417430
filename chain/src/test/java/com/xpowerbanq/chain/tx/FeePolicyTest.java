package com.xpowerbanq.chain.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeePolicyTest {

    @Test
    void readsFixedFeesAndGasLimitFromTheEnvironment() {
        FeePolicy policy =
                FeePolicy.fromEnvironment(
                        Map.of(
                                FeePolicy.MAX_FEE_PER_GAS, "30000000000",
                                FeePolicy.MAX_PRIORITY_FEE_PER_GAS, "1000000000",
                                FeePolicy.GAS_LIMIT, "250000"));
        assertThat(policy.maxFeePerGas()).isEqualTo(new BigInteger("30000000000"));
        assertThat(policy.maxPriorityFeePerGas()).isEqualTo(new BigInteger("1000000000"));
        assertThat(policy.gasLimit(BigInteger.valueOf(50_000)))
                .isEqualTo(BigInteger.valueOf(250_000));
    }

    @Test
    void withoutGasLimitTheEstimateGetsAFiftyPercentMargin() {
        assertThat(FeePolicy.automatic().gasLimit(BigInteger.valueOf(50_000)))
                .isEqualTo(BigInteger.valueOf(75_000));
    }

    @Test
    void aBadValueNamesTheVariable() {
        assertThatThrownBy(() -> FeePolicy.fromEnvironment(Map.of(FeePolicy.GAS_LIMIT, "lots")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GAS_LIMIT=lots");
    }

    @Test
    void aReplacementRaisesTipAndMaxFeeByMoreThanTenPercentAndPaysTheBaseFee() {
        // given: 2 gwei max fee, 1 gwei tip; a zero tip
        FeePolicy.Fees fees =
                new FeePolicy.Fees(
                        BigInteger.valueOf(2_000_000_000L), BigInteger.valueOf(1_000_000_000L));
        FeePolicy.Fees free = new FeePolicy.Fees(BigInteger.valueOf(100), BigInteger.ZERO);

        // when: the base fee is low, then far above the old max fee
        FeePolicy.Fees calm = fees.replacing(BigInteger.valueOf(100_000_000L));
        FeePolicy.Fees surge = fees.replacing(BigInteger.valueOf(50_000_000_000L));

        // then: nodes take a replacement only when both rose by at least 10 %
        assertThat(calm.maxPriorityFeePerGas())
                .isGreaterThanOrEqualTo(BigInteger.valueOf(1_100_000_000L));
        assertThat(calm.maxFeePerGas()).isGreaterThanOrEqualTo(BigInteger.valueOf(2_200_000_000L));
        assertThat(surge.maxFeePerGas())
                .isEqualTo(BigInteger.valueOf(100_000_000_000L).add(surge.maxPriorityFeePerGas()));
        assertThat(free.replacing(BigInteger.ZERO).maxPriorityFeePerGas()).isPositive();
    }
}
