package com.xpowerbanq.miner.bench;

import com.xpowerbanq.miner.pow.NonceSearch;
import com.xpowerbanq.miner.pow.Puzzle;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private final SecureRandom random = new SecureRandom();

    /**
     * Hashes per second of all threads together: by the wall clock, and per CPU second of each
     * thread (what the threads would do with a core each, however busy the machine is).
     */
    record Measure(double wall, double cpu) {}

    double hashesPerSecond(NonceSearch search, int threads, double seconds)
            throws InterruptedException {
        return measure(search, threads, seconds).wall();
    }

    Measure measure(NonceSearch search, int threads, double seconds) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        long[] hashes = new long[threads];
        long[] nanos = new long[threads];
        long[] cpuNanos = new long[threads];
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
                                        long cpuBegin = CPU.getCurrentThreadCpuTime();
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
                                        cpuNanos[index] = CPU.getCurrentThreadCpuTime() - cpuBegin;
                                        hashes[index] = done;
                                    });
            workers.add(worker);
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        double wall = 0;
        double cpu = 0;
        for (int t = 0; t < threads; t++) {
            wall += hashes[t] / (nanos[t] / 1e9);
            cpu += cpuNanos[t] > 0 ? hashes[t] / (cpuNanos[t] / 1e9) : Double.NaN;
        }
        return new Measure(wall, cpu);
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
