package com.xpowerbanq.miner.pow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.web3j.utils.Numeric;

class LeadingZerosTest {

    @Test
    void countsLeadingZeroHexDigitsLikeTheContract() {
        assertThat(LeadingZeros.of(hash("f" + "0".repeat(63)))).isZero();
        assertThat(LeadingZeros.of(hash("0f" + "0".repeat(62)))).isEqualTo(1);
        assertThat(LeadingZeros.of(hash("00" + "1" + "0".repeat(61)))).isEqualTo(2);
        assertThat(LeadingZeros.of(hash("0".repeat(20) + "8" + "0".repeat(43)))).isEqualTo(20);
        assertThat(LeadingZeros.of(hash("0".repeat(63) + "1"))).isEqualTo(63);
        assertThat(LeadingZeros.of(new byte[32])).isEqualTo(64);
    }

    @Test
    void countsTheSameFromLanesAsFromBytes() {
        Random random = new Random(4);
        for (int i = 0; i < 10_000; i++) {
            byte[] hash = new byte[32];
            random.nextBytes(hash);
            int cut = random.nextInt(65); // force leading zero digits
            for (int d = 0; d < cut; d++) {
                hash[d / 2] &= (byte) (d % 2 == 0 ? 0x0f : 0xf0);
            }
            long[] lanes = new long[4];
            for (int b = 31; b >= 0; b--) {
                lanes[b / 8] = (lanes[b / 8] << 8) | (hash[b] & 0xffL);
            }
            int zeros = LeadingZeros.of(hash);
            assertThat(zeros).isGreaterThanOrEqualTo(cut);
            assertThat(LeadingZeros.of(lanes[0], lanes[1], lanes[2], lanes[3])).isEqualTo(zeros);
            if (zeros > 0) {
                assertThat(lanes[0] & LeadingZeros.lane0Mask(zeros))
                        .as("the mask of the hash's own level lets it pass")
                        .isZero();
                if (zeros < 16) {
                    assertThat(lanes[0] & LeadingZeros.lane0Mask(zeros + 1))
                            .as("the mask of one level more stops it")
                            .isNotZero();
                }
            }
        }
    }

    @Test
    void maskOfLevelOneIsTheHighNibbleOfTheFirstByte() {
        assertThat(LeadingZeros.lane0Mask(1)).isEqualTo(0xf0L);
        assertThat(LeadingZeros.lane0Mask(3)).isEqualTo(0xf0ffL);
        assertThat(LeadingZeros.lane0Mask(16)).isEqualTo(-1L);
        assertThat(LeadingZeros.lane0Mask(64)).isEqualTo(-1L);
    }

    private static byte[] hash(String hex) {
        return Numeric.hexStringToByteArray(hex);
    }
}
