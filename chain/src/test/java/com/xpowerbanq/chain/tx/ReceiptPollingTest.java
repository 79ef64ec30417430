package com.xpowerbanq.chain.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReceiptPollingTest {
    private static final ReceiptPolling POLLING =
            ReceiptPolling.every(Duration.ofMillis(100), Duration.ofSeconds(12));

    @Test
    void withoutAFractionTheChainIsLookedAtOnlyAtTheDeadline() {
        assertThat(POLLING.lookEvery()).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void aFractionOfTheTimeoutSetsTheTimeBetweenLooks() {
        assertThat(POLLING.lookingEvery(0.25).lookEvery()).isEqualTo(Duration.ofSeconds(3));
        assertThat(POLLING.lookingEvery(0.25).timeout()).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void aFractionOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> POLLING.lookingEvery(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> POLLING.lookingEvery(2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
