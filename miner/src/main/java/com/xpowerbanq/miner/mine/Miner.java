package com.xpowerbanq.miner.mine;

import com.xpowerbanq.miner.pow.NonceSearch;
import com.xpowerbanq.miner.pow.Puzzle;
import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.web3j.utils.Numeric;

/**
 * The mining pipeline, one epoch (contract interval) after the other: {@code init()}, read the
 * interval and its block hash, start the workers, then watch for the hour to turn (the contract's
 * interval changes, or a mint comes back with an expired block hash) and start over, without
 * leaving the process. {@link #stop()} ends it cleanly, e.g. on SIGTERM.
 */
public final class Miner {

    /** How often the interval is checked and how often a rate line is printed. */
    public record Timing(Duration poll, Duration rate) {
        public static final Timing DEFAULT =
                new Timing(Duration.ofSeconds(5), Duration.ofSeconds(60));
    }

    private static final int READ_ATTEMPTS = 3;

    private final Settings settings;
    private final XpowChain chain;
    private final NonceSearch search;
    private final JsonLines lines;
    private final Timing timing;
    private final Minter minter;
    private final MiningTally tally = new MiningTally();
    private final SecureRandom random = new SecureRandom();
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicReference<@Nullable Epoch> current = new AtomicReference<>();
    private final AtomicReference<@Nullable Epoch> expired = new AtomicReference<>();

    Miner(Settings settings, XpowChain chain, NonceSearch search, JsonLines lines, Timing timing) {
        this.settings = settings;
        this.chain = chain;
        this.search = search;
        this.lines = lines;
        this.timing = timing;
        this.minter =
                new Minter(
                        chain,
                        settings.mintAddress(),
                        lines,
                        tally,
                        current::get,
                        epoch -> {
                            expired.set(epoch);
                            wake();
                        });
    }

    /** Mines until {@link #stop()}. */
    public void run() {
        Thread minting = Thread.ofPlatform().name("mint").start(minter);
        try {
            while (!stopping()) {
                Epoch epoch = begin();
                if (epoch == null) {
                    break;
                }
                current.set(epoch);
                Workers workers =
                        new Workers(search, settings.workers(), settings.level(), minter.queue());
                Puzzle puzzle =
                        Puzzle.of(
                                Numeric.hexStringToByteArray(chain.address()),
                                Numeric.hexStringToByteArray(settings.mintAddress()),
                                epoch.blockHash(),
                                salt());
                long[] starts = workers.start(epoch, puzzle, random.nextLong());
                tally.mining(workers);
                for (int i = 0; i < starts.length; i++) {
                    lines.step(
                            JsonLines.line(
                                    "mine",
                                    "worker",
                                    i,
                                    "from",
                                    Long.toUnsignedString(starts[i], 16),
                                    "level",
                                    settings.level(),
                                    "loop",
                                    search.name(),
                                    "interval",
                                    epoch.interval(),
                                    "block_hash",
                                    epoch.blockHashHex()));
                }
                watch(epoch, workers);
                current.set(null);
                workers.stop();
                tally.retired(workers);
                minter.queue().clear(); // finds of this epoch can no longer mint
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            minter.stop();
            try {
                minting.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            lines.step(JsonLines.line("stop"));
            stopped.countDown();
        }
    }

    /** Asks the pipeline to stop; the current mint, if any, completes first. */
    public void stop() {
        stopSignal.countDown();
        wake();
    }

    /** Waits until {@link #run()} has returned. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** What it has done so far, for the metrics. */
    MiningTally tally() {
        return tally;
    }

    Minter minter() {
        return minter;
    }

    private boolean stopping() {
        return stopSignal.getCount() == 0;
    }

    /** Re-checks the interval at once instead of waiting for the next poll. */
    private void wake() {
        synchronized (stopSignal) {
            stopSignal.notifyAll();
        }
    }

    /** Calls init() and reads the epoch, retrying with backoff; null when stopping. */
    private @Nullable Epoch begin() throws InterruptedException {
        for (int attempt = 1; !stopping(); attempt++) {
            try {
                XpowChain.Mined mined = chain.init();
                Epoch epoch = read();
                if (epoch != null) {
                    lines.step(
                            JsonLines.line(
                                    "init",
                                    "interval",
                                    epoch.interval(),
                                    "block_hash",
                                    epoch.blockHashHex(),
                                    "tx",
                                    mined.hash(),
                                    "xpow",
                                    chain.address()));
                    return epoch;
                }
                lines.error(
                        "init",
                        "no block hash cached for the current interval",
                        "attempt",
                        attempt);
            } catch (IOException | XpowChain.SendException | XpowChain.RevertedException e) {
                lines.error("init", e.getMessage(), "attempt", attempt);
            }
            if (sleep(Duration.ofSeconds(Math.min(1L << Math.min(attempt, 6), 60)))) {
                return null;
            }
        }
        return null;
    }

    /** The interval and its block hash, retried with backoff until the hash is set. */
    private @Nullable Epoch read() throws IOException, InterruptedException {
        for (int attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
            if (attempt > 0 && sleep(Duration.ofSeconds((1L << attempt) - 1))) {
                return null;
            }
            BigInteger interval = chain.currentInterval();
            byte[] blockHash = chain.blockHashOf(interval);
            if (interval.signum() > 0 && Numeric.toBigInt(blockHash).signum() != 0) {
                return new Epoch(interval, blockHash);
            }
        }
        return null;
    }

    /** Returns when the epoch is over (or stopping), printing rate lines meanwhile. */
    private void watch(Epoch epoch, Workers workers) throws InterruptedException {
        long[] last = new long[workers.count()];
        long lastNanos = System.nanoTime();
        long nextRate = lastNanos + timing.rate().toNanos();
        long nextPoll = lastNanos + timing.poll().toNanos();
        while (!stopping()) {
            long now = System.nanoTime();
            long wait = Math.min(nextRate, nextPoll) - now;
            if (wait > 0 && sleep(Duration.ofNanos(Math.min(wait, 100_000_000L)))) {
                return;
            }
            Epoch gone = expired.get();
            if (gone != null && gone.sameAs(epoch)) {
                lines.step(
                        JsonLines.line(
                                "turn",
                                "interval",
                                epoch.interval(),
                                "reason",
                                "expired block hash"));
                return;
            }
            now = System.nanoTime();
            if (now >= nextRate) {
                rate(epoch, workers, last, now - lastNanos);
                lastNanos = now;
                nextRate = now + timing.rate().toNanos();
            }
            if (now >= nextPoll) {
                nextPoll = now + timing.poll().toNanos();
                try {
                    BigInteger interval = chain.currentInterval();
                    if (!interval.equals(epoch.interval())) {
                        lines.step(
                                JsonLines.line(
                                        "turn",
                                        "interval",
                                        epoch.interval(),
                                        "next",
                                        interval,
                                        "reason",
                                        "interval changed"));
                        return;
                    }
                } catch (IOException e) {
                    lines.error("watch", e.getMessage(), "interval", epoch.interval());
                }
            }
        }
    }

    private void rate(Epoch epoch, Workers workers, long[] last, long nanos) {
        double seconds = nanos / 1e9;
        long[] perWorker = new long[workers.count()];
        long total = 0;
        for (int i = 0; i < workers.count(); i++) {
            long hashes = workers.hashes(i);
            perWorker[i] = Math.round((hashes - last[i]) / seconds);
            total += perWorker[i];
            last[i] = hashes;
        }
        tally.rate(total);
        lines.step(
                JsonLines.line(
                        "rate",
                        "hps",
                        perWorker,
                        "total_hps",
                        total,
                        "dropped",
                        workers.dropped(),
                        "loop",
                        search.name(),
                        "interval",
                        epoch.interval()));
    }

    /** Sleeps unless stopped or the epoch expired meanwhile; true when stopping. */
    private boolean sleep(Duration duration) throws InterruptedException {
        long millis = Math.max(1, duration.toMillis());
        synchronized (stopSignal) {
            Epoch gone = expired.get();
            Epoch now = current.get();
            boolean turned = gone != null && now != null && gone.sameAs(now);
            if (!stopping() && !turned) {
                stopSignal.wait(millis);
            }
        }
        return stopping();
    }

    private byte[] salt() {
        byte[] salt = new byte[Puzzle.SALT_LENGTH];
        random.nextBytes(salt);
        return salt;
    }
}
