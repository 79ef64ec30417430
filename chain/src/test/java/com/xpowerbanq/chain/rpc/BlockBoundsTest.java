package com.xpowerbanq.chain.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class BlockBoundsTest {

    /**
     * A chain where the contract appears at {@code deployed} and state older than {@code kept} is
     * gone.
     */
    record FakeChain(long latest, long deployed, long kept, OptionalLong finalized, boolean pruned)
            implements QuietChain {
        FakeChain(long latest, long deployed, long kept, OptionalLong finalized) {
            this(latest, deployed, kept, finalized, false);
        }

        @Override
        public String code(String address, long block) {
            if (block < kept && pruned) {
                throw new ChainUnavailableException(
                        "fake",
                        "eth_getCode",
                        "gave up after 6 attempts; last error: error -32000: missing trie node"
                                + " 2c9e (path )",
                        null);
            }
            if (block < kept) {
                throw new RpcErrorException("fake", "eth_getCode", -32602, "BlockOutOfRangeError");
            }
            return block >= deployed ? "0x6080" : "0x";
        }

        @Override
        public long latestBlock() {
            return latest;
        }

        @Override
        public OptionalLong finalizedBlock() {
            return finalized;
        }
    }

    @Test
    void deployBlockIsTheFirstBlockWithCode() {
        BlockBounds bounds =
                new BlockBounds(new FakeChain(100_000, 12_345, 0, OptionalLong.empty()), 64);

        assertThat(bounds.deployBlock("0xabc", 100_000)).isEqualTo(12_345);
    }

    @Test
    void withoutOldStateTheScanStartsAtGenesis() {
        BlockBounds bounds =
                new BlockBounds(new FakeChain(100_000, 12_345, 90_000, OptionalLong.empty()), 64);

        assertThat(bounds.deployBlock("0xabc", 100_000)).isZero();
    }

    @Test
    void aPrunedNodeMissingOldStateAfterRetriesAlsoStartsAtGenesis() {
        BlockBounds bounds =
                new BlockBounds(
                        new FakeChain(100_000, 12_345, 90_000, OptionalLong.empty(), true), 64);

        assertThat(bounds.deployBlock("0xabc", 100_000)).isZero();
    }

    @Test
    void noCodeAtTheUpperBoundIsAnError() {
        BlockBounds bounds = new BlockBounds(new FakeChain(100, 500, 0, OptionalLong.empty()), 64);

        assertThatThrownBy(() -> bounds.deployBlock("0xabc", 100))
                .hasMessageContaining("no contract at 0xabc");
    }

    @Test
    void finalizedFallsBackToLatestMinusConfirmations() {
        assertThat(new BlockBounds(new FakeChain(1000, 0, 0, OptionalLong.of(990)), 64).finalized())
                .isEqualTo(990);
        assertThat(new BlockBounds(new FakeChain(1000, 0, 0, OptionalLong.empty()), 64).finalized())
                .isEqualTo(936);
    }
}
