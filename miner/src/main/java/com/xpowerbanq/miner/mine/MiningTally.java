package com.xpowerbanq.miner.mine;

import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * What the miner has done since it started, for its metrics: hashes and finds of every epoch (the
 * running one included), the last measured rate, and mints sent, confirmed and failed. Each mint
 * attempt that is sent ends confirmed or failed.
 */
final class MiningTally {
    private @Nullable Workers live;
    private long pastHashes;
    private long pastFinds;
    private volatile long hashesPerSecond;
    private final LongAdder sent = new LongAdder();
    private final LongAdder confirmed = new LongAdder();
    private final LongAdder failed = new LongAdder();

    synchronized void mining(Workers workers) {
        live = workers;
    }

    /** The epoch of {@code workers} is over and its threads have stopped. */
    synchronized void retired(Workers workers) {
        pastHashes += workers.hashes();
        pastFinds += workers.finds();
        if (live == workers) {
            live = null;
        }
    }

    synchronized long hashes() {
        return pastHashes + (live == null ? 0 : live.hashes());
    }

    synchronized long finds() {
        return pastFinds + (live == null ? 0 : live.finds());
    }

    void rate(long hashesPerSecond) {
        this.hashesPerSecond = hashesPerSecond;
    }

    long hashesPerSecond() {
        return hashesPerSecond;
    }

    void sent() {
        sent.increment();
    }

    void confirmed() {
        confirmed.increment();
    }

    void failed() {
        failed.increment();
    }

    long mints(Outcome outcome) {
        return switch (outcome) {
            case SENT -> sent.sum();
            case CONFIRMED -> confirmed.sum();
            case FAILED -> failed.sum();
        };
    }

    /** How a mint attempt went, as the metrics label it. */
    enum Outcome {
        SENT,
        CONFIRMED,
        FAILED;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
