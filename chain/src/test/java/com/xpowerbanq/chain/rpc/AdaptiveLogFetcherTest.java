package com.xpowerbanq.chain.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class AdaptiveLogFetcherTest {

    /** One log per block; refuses ranges above a limit, like public Avalanche endpoints. */
    static final class LimitedChain implements QuietChain {
        final long limit;
        final List<Long> asked = new ArrayList<>();

        LimitedChain(long limit) {
            this.limit = limit;
        }

        @Override
        public List<ChainLog> logs(LogQuery q) {
            asked.add(q.blocks());
            if (q.blocks() > limit) {
                throw new RangeRefusedException("fake", q.describe(), "maximum is " + limit);
            }
            return LongStream.rangeClosed(q.fromBlock(), q.toBlock())
                    .mapToObj(
                            b ->
                                    new ChainLog(
                                            q.address(),
                                            "0x" + b,
                                            b,
                                            "0x",
                                            0,
                                            false,
                                            List.of(),
                                            "0x",
                                            0))
                    .toList();
        }
    }

    @Test
    void splitsRefusedRangesAndStillReturnsEveryLogInOrder() {
        LimitedChain chain = new LimitedChain(2048);
        AdaptiveLogFetcher fetcher = new AdaptiveLogFetcher(chain, 100_000);

        List<ChainLog> logs = fetcher.fetch(new LogQuery("0xabc", List.of(), 1, 50_000));

        assertThat(logs).hasSize(50_000);
        assertThat(logs)
                .extracting(ChainLog::blockNumber)
                .isSorted()
                .startsWith(1L)
                .endsWith(50_000L);
        long refused = chain.asked.stream().filter(n -> n > 2048).count();
        assertThat(refused).isPositive().isLessThan(chain.asked.size() - refused);
    }

    @Test
    void growsTheSpanAgainAfterSuccesses() {
        LimitedChain chain = new LimitedChain(1_000_000);
        AdaptiveLogFetcher fetcher = new AdaptiveLogFetcher(chain, 10);

        fetcher.fetch(new LogQuery("0xabc", List.of(), 0, 10_000));

        assertThat(fetcher.span()).isGreaterThan(10);
        assertThat(chain.asked.size()).isLessThan(1000 / 4);
    }

    @Test
    void aSingleRefusedBlockIsAnError() {
        AdaptiveLogFetcher fetcher = new AdaptiveLogFetcher(new LimitedChain(0), 8);

        assertThatThrownBy(() -> fetcher.fetch(new LogQuery("0xabc", List.of(), 5, 20)))
                .isInstanceOf(RangeRefusedException.class)
                .hasMessageContaining("blocks 5..5");
    }
}
