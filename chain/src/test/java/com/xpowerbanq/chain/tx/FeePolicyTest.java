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
}
