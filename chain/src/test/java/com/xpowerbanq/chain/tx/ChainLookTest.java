package com.xpowerbanq.chain.tx;

import static com.xpowerbanq.chain.tx.ChainLook.Remedy.AWAIT_RECEIPT;
import static com.xpowerbanq.chain.tx.ChainLook.Remedy.FILL_GAPS;
import static com.xpowerbanq.chain.tx.ChainLook.Remedy.REBROADCAST;
import static com.xpowerbanq.chain.tx.ChainLook.Remedy.REPLACE;
import static com.xpowerbanq.chain.tx.ChainLook.Remedy.TAKEN;
import static com.xpowerbanq.chain.tx.ChainLook.Remedy.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * What the sender does about a transaction whose receipt has not come, from what the chain says.
 */
class ChainLookTest {
    private static final BigInteger NONCE = BigInteger.valueOf(984);
    private static final BigInteger GWEI = BigInteger.valueOf(1_000_000_000L);

    private static ChainLook look(
            long mined,
            @Nullable String minedHash,
            boolean known,
            BigInteger baseFee,
            List<BigInteger> orphans) {
        return new ChainLook(
                NONCE,
                BigInteger.valueOf(mined),
                NONCE.add(BigInteger.TWO),
                minedHash,
                known,
                baseFee,
                GWEI.multiply(BigInteger.TWO),
                orphans);
    }

    @Test
    void oneOfOurVersionsInABlockOnlyWaitsForItsReceipt() {
        ChainLook seen = look(985, "0xabc", true, GWEI, List.of());

        assertThat(seen.remedies(false)).containsExactly(AWAIT_RECEIPT);
        assertThat(seen.describe()).contains("in a block (0xabc)");
    }

    @Test
    void aNonceMinedWithoutAnyOfOursIsTakenAndNothingIsSent() {
        ChainLook seen = look(985, null, false, GWEI, List.of());

        assertThat(seen.remedies(true)).containsExactly(TAKEN);
        assertThat(seen.describe()).contains("another transaction took its nonce");
    }

    @Test
    void aTransactionTheNodeLostIsSentAgainFirstThenReplaced() {
        ChainLook seen = look(984, null, false, GWEI, List.of());

        assertThat(seen.remedies(false)).containsExactly(REBROADCAST);
        assertThat(seen.remedies(true)).containsExactly(REPLACE);
        assertThat(seen.describe()).contains("unknown to the node").contains("nonce 984");
    }

    @Test
    void aLostTransactionTheBaseFeeOutgrewIsReplacedAtOnce() {
        ChainLook seen = look(984, null, false, GWEI.multiply(BigInteger.TEN), List.of());

        assertThat(seen.remedies(false)).containsExactly(REPLACE);
    }

    @Test
    void aPendingTransactionFirstInLineIsReplacedWithHigherFees() {
        ChainLook cheap = look(984, null, true, GWEI.multiply(BigInteger.TEN), List.of());
        ChainLook slow = look(984, null, true, GWEI, List.of());

        assertThat(cheap.remedies(false)).containsExactly(REPLACE);
        assertThat(cheap.describe())
                .contains("base fee 10000000000 wei is above our max fee 2000000000 wei");
        assertThat(slow.remedies(false)).containsExactly(REPLACE);
    }

    @Test
    void aTransactionBehindNoncesOthersAreHealingWaits() {
        ChainLook seen = look(980, null, true, GWEI, List.of());

        assertThat(seen.remedies(false)).containsExactly(WAIT);
        assertThat(seen.describe()).contains("waits behind nonces 980..983");
    }

    @Test
    void orphanedNoncesBelowAreFilledBeforeOursIsHealed() {
        List<BigInteger> orphans = List.of(BigInteger.valueOf(981), BigInteger.valueOf(982));

        ChainLook pending = look(980, null, true, GWEI, orphans);
        ChainLook lost = look(980, null, false, GWEI, orphans);

        assertThat(pending.remedies(false)).containsExactly(FILL_GAPS);
        assertThat(lost.remedies(false)).containsExactly(FILL_GAPS, REBROADCAST);
        assertThat(pending.describe()).contains("nonces [981, 982] before it are missing");
    }
}
