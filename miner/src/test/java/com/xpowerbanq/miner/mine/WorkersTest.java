package com.xpowerbanq.miner.mine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.xpowerbanq.miner.pow.NonceSearch;
import com.xpowerbanq.miner.pow.Puzzle;
import java.math.BigInteger;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class WorkersTest {
    private static final int FINDS = 5;

    /** Reports FINDS nonces on its first call, then none; hashes a little and yields. */
    private static final class BurstOfFinds implements NonceSearch {
        private final AtomicBoolean reported = new AtomicBoolean();

        @Override
        public String name() {
            return "burst";
        }

        @Override
        public long search(Puzzle puzzle, long from, long count, int level, Finds finds) {
            if (reported.compareAndSet(false, true)) {
                for (int i = 0; i < FINDS; i++) {
                    finds.found(from + i, level, new byte[32]);
                }
            } else {
                LockSupport.parkNanos(1_000_000);
            }
            return count;
        }
    }

    @Test
    void findsTheMinterCannotTakeAreCountedAsDropped() throws InterruptedException {
        // given: a minter's queue with room for two finds
        BlockingQueue<Find> queue = new ArrayBlockingQueue<>(2);
        Workers workers = new Workers(new BurstOfFinds(), 1, 8, queue);
        Epoch epoch = new Epoch(BigInteger.TEN, new byte[32]);
        Puzzle puzzle = Puzzle.of(new byte[20], new byte[20], new byte[32], new byte[24]);

        // when: the worker reports five finds at once, and goes on hashing
        long[] starts = workers.start(epoch, puzzle, 1000L);
        await().atMost(Duration.ofSeconds(10)).until(() -> workers.hashes(0) > 0);
        workers.stop();

        // then: two went to the minter, three were dropped
        assertThat(workers.dropped()).isEqualTo(FINDS - 2);
        assertThat(queue).extracting(Find::nonce).containsExactly(starts[0], starts[0] + 1);
        assertThat(queue).allSatisfy(find -> assertThat(find.worker()).isZero());
    }
}
