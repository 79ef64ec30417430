package com.xpowerbanq.batch.keeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeltaBoundsTest {

    @Test
    void defaultsAreThreeToHundredPercentAsInTheOriginalCli() {
        DeltaBounds bounds = DeltaBounds.defaults();
        assertThat(bounds.min()).isEqualTo(0.03);
        assertThat(bounds.max()).isEqualTo(1.0);
    }

    @Test
    void allowsDeltasWithinTheBoundsAndExactlyZero() {
        DeltaBounds bounds = DeltaBounds.defaults();
        assertThat(bounds.allows(0)).isTrue();
        assertThat(bounds.allows(0.03)).isTrue();
        assertThat(bounds.allows(0.5)).isTrue();
        assertThat(bounds.allows(1.0)).isTrue();
    }

    @Test
    void holdsDeltasTooSmallTooLargeOrInfinite() {
        DeltaBounds bounds = DeltaBounds.defaults();
        assertThat(bounds.allows(0.0299)).isFalse();
        assertThat(bounds.allows(1.0001)).isFalse();
        assertThat(bounds.allows(Double.POSITIVE_INFINITY)).isFalse();
    }

    @Test
    void rejectsAMinimumAboveTheMaximumNamingBothParameters() {
        assertThatThrownBy(() -> DeltaBounds.percent(10, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("percent-min")
                .hasMessageContaining("percent-max");
    }
}
