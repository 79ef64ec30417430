package com.xpowerbanq.miner.mine;

import com.xpowerbanq.miner.pow.NonceSearch;
import com.xpowerbanq.miner.pow.Puzzle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The mining threads of one epoch. Worker {@code i} of {@code n} searches the nonces from {@code
 * anchor + i * 2^64 / n} upwards, so the ranges are disjoint; finds go into the minter's queue.
 * Hash counts live in one array with a cache line between counters, so workers do not slow each
 * other down by writing to the same line.
 */
final class Workers {
    private static final int CHUNK = 1 << 16;
    private static final int STRIDE = 16; // longs: 128 bytes between counters

    private final NonceSearch search;
    private final int level;
    private final BlockingQueue<Find> finds;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLongArray hashes;
    private final int count;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong found = new AtomicLong();
    private volatile boolean running = true;

    Workers(NonceSearch search, int count, int level, BlockingQueue<Find> finds) {
        this.search = search;
        this.count = count;
        this.level = level;
        this.finds = finds;
        this.hashes = new AtomicLongArray(count * STRIDE);
    }

    /** Starts the threads; returns the first nonce of each worker. */
    long[] start(Epoch epoch, Puzzle puzzle, long anchor) {
        long stripe = Long.divideUnsigned(-1L, count) + 1; // 2^64 / n, rounded up
        long[] starts = new long[count];
        for (int i = 0; i < count; i++) {
            int worker = i;
            long from = anchor + i * stripe;
            starts[i] = from;
            threads.add(
                    Thread.ofPlatform()
                            .name("mine-" + i)
                            .daemon(true)
                            .start(() -> mine(epoch, puzzle, worker, from)));
        }
        return starts;
    }

    private void mine(Epoch epoch, Puzzle puzzle, int worker, long from) {
        long next = from;
        int slot = worker * STRIDE;
        NonceSearch.Finds sink =
                (nonce, zeros, hash) -> {
                    found.incrementAndGet();
                    // never block the hot loop on a busy minter: a find it cannot take is counted
                    if (!finds.offer(
                            new Find(epoch, nonce, zeros, hash, puzzle.data(nonce), worker))) {
                        dropped.incrementAndGet();
                    }
                };
        while (running) {
            long done = search.search(puzzle, next, CHUNK, level, sink);
            next += done;
            hashes.getAndAdd(slot, done);
        }
    }

    /** Hashes done so far by worker {@code i}. */
    long hashes(int i) {
        return hashes.get(i * STRIDE);
    }

    /** Hashes done so far by all workers. */
    long hashes() {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            sum += hashes(i);
        }
        return sum;
    }

    /** Finds so far, handed to the minter or dropped. */
    long finds() {
        return found.get();
    }

    /** Finds dropped because the minter's queue was full. */
    long dropped() {
        return dropped.get();
    }

    int count() {
        return count;
    }

    void stop() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
