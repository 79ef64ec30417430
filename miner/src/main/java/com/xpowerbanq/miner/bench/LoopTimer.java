package com.xpowerbanq.miner.bench;

import com.xpowerbanq.miner.pow.NonceSearch;
import com.xpowerbanq.miner.pow.Puzzle;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a search on N threads for a fixed time, each thread on its own puzzle and nonce range, and
 * returns the hashes per second of all threads together. No chain is involved.
 */
final class LoopTimer {
    private static final int CHUNK = 1 << 14;
    private static final int LEVEL = 8; // the miner's default; finds are rare and cheap

    private final SecureRandom random = new SecureRandom();

    double hashesPerSecond(NonceSearch search, int threads, double seconds)
            throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        long[] hashes = new long[threads];
        long[] nanos = new long[threads];
        AtomicLong finds = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int index = t;
            Puzzle puzzle = randomPuzzle();
            long anchor = random.nextLong();
            Thread worker =
                    Thread.ofPlatform()
                            .name("bench-" + search.name() + "-" + t)
                            .start(
                                    () -> {
                                        awaitQuietly(start);
                                        long budget = (long) (seconds * 1e9);
                                        long begin = System.nanoTime();
                                        long done = 0;
                                        while (System.nanoTime() - begin < budget) {
                                            done +=
                                                    search.search(
                                                            puzzle,
                                                            anchor + done,
                                                            CHUNK,
                                                            LEVEL,
                                                            (n, z, h) -> finds.incrementAndGet());
                                        }
                                        nanos[index] = System.nanoTime() - begin;
                                        hashes[index] = done;
                                    });
            workers.add(worker);
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        double rate = 0;
        for (int t = 0; t < threads; t++) {
            rate += hashes[t] / (nanos[t] / 1e9);
        }
        return rate;
    }

    private Puzzle randomPuzzle() {
        return Puzzle.of(bytes(20), bytes(20), bytes(32), bytes(Puzzle.SALT_LENGTH));
    }

    private byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
