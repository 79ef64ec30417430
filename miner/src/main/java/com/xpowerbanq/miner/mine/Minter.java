package com.xpowerbanq.miner.mine;

import java.io.IOException;
import java.math.BigInteger;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The one thread that sends {@code mint(to, blockHash, data)} for each find, in order. A find of an
 * older epoch is dropped (its block hash has expired); a refusal by the contract is reported once
 * and never retried; an expired block hash also asks the miner to re-init; transport failures are
 * retried a few times with backoff.
 */
final class Minter implements Runnable {
    static final int ATTEMPTS = 3;

    /** Finds waiting to be minted; when full (a level far too low) workers drop new finds. */
    static final int QUEUE_CAPACITY = 256;

    private final BlockingQueue<Find> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private final XpowChain chain;
    private final String to;
    private final JsonLines lines;
    private final MiningTally tally;
    private final Supplier<Epoch> current;
    private final Consumer<Epoch> expired;
    private volatile @Nullable Epoch expiredEpoch;
    private @Nullable Epoch staleEpoch;
    private volatile boolean running = true;

    /**
     * @param current the epoch the workers mine now
     * @param expired told when the contract calls a block hash expired
     */
    Minter(
            XpowChain chain,
            String to,
            JsonLines lines,
            MiningTally tally,
            Supplier<Epoch> current,
            Consumer<Epoch> expired) {
        this.chain = chain;
        this.to = to;
        this.lines = lines;
        this.tally = tally;
        this.current = current;
        this.expired = expired;
    }

    BlockingQueue<Find> queue() {
        return queue;
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        while (running) {
            Find find;
            try {
                find = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (find != null) {
                mint(find);
            }
        }
    }

    void mint(Find find) {
        Epoch gone = expiredEpoch;
        if (gone != null && gone.sameAs(find.epoch())) {
            return; // already reported: the contract called this block hash expired
        }
        Epoch now = current.get();
        if (now == null || !now.sameAs(find.epoch())) {
            if (staleEpoch == null || !staleEpoch.sameAs(find.epoch())) {
                staleEpoch = find.epoch();
                lines.error(
                        "mint",
                        "stale: dropping the finds of an earlier block hash",
                        "interval",
                        find.epoch().interval(),
                        "block_hash",
                        find.epoch().blockHashHex());
            }
            return;
        }
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            tally.sent();
            try {
                XpowChain.Mined mined = chain.mint(to, find.epoch().blockHash(), find.data());
                tally.confirmed();
                var line = JsonLines.line("mint", fields(find));
                line.put("tx", mined.hash());
                line.put("block", mined.block());
                lines.step(line);
                return;
            } catch (XpowChain.RevertedException e) {
                tally.failed();
                lines.error(
                        "mint",
                        e.revert().label() + ": " + e.getMessage(),
                        append(fields(find), "revert", e.revert().label()));
                if (e.revert() == Revert.EXPIRED) {
                    dropExpired(find.epoch());
                    expired.accept(find.epoch());
                }
                return; // the contract's answer will not change: never retry
            } catch (IOException | XpowChain.SendException e) {
                tally.failed();
                lines.error(
                        "mint",
                        e.getMessage(),
                        append(fields(find), "attempt", attempt, "of", ATTEMPTS));
                if (!pause(attempt)) {
                    return;
                }
            }
        }
    }

    /** Drops the queued finds of an expired epoch: each would only be refused again. */
    private void dropExpired(Epoch epoch) {
        expiredEpoch = epoch;
        int before = queue.size();
        queue.removeIf(f -> f.epoch().sameAs(epoch));
        int dropped = before - queue.size();
        if (dropped > 0) {
            lines.error(
                    "mint",
                    "dropped " + dropped + " queued finds of the expired block hash",
                    "interval",
                    epoch.interval(),
                    "block_hash",
                    epoch.blockHashHex());
        }
    }

    private boolean pause(int attempt) {
        try {
            Thread.sleep(500L << attempt);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Object[] fields(Find find) {
        BigInteger amount = XpowChain.amountOf(find.zeros());
        return new Object[] {
            "amount", amount,
            "zeros", find.zeros(),
            "nonce", find.dataHex(),
            "hash", find.hashHex(),
            "to", to,
            "interval", find.epoch().interval(),
            "block_hash", find.epoch().blockHashHex(),
            "worker", find.worker()
        };
    }

    private static Object[] append(Object[] fields, Object... more) {
        Object[] all = java.util.Arrays.copyOf(fields, fields.length + more.length);
        System.arraycopy(more, 0, all, fields.length, more.length);
        return all;
    }
}
