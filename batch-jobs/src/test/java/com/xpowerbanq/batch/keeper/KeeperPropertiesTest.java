package com.xpowerbanq.batch.keeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class KeeperPropertiesTest {
    private static KeeperProperties with(Duration timeout, double healFraction) {
        return new KeeperProperties(8, Duration.ofSeconds(1), timeout, healFraction, null);
    }

    @Test
    void aHealFractionOutsideZeroToOneIsRefusedNamingTheSetting() {
        for (double fraction : new double[] {0, -0.5, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> with(Duration.ofMinutes(3), fraction))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("banq.keeper.heal-fraction (BANQ_KEEPER_HEAL_FRACTION)");
        }
        assertThat(with(Duration.ofMinutes(3), 1).healFraction()).isEqualTo(1);
    }

    @Test
    void aReceiptTimeoutOfZeroIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> with(Duration.ZERO, 0.25))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("banq.keeper.receipt-timeout (BANQ_KEEPER_RECEIPT_TIMEOUT)");
    }
}
