package com.xpowerbanq.devnet;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.web3j.utils.Numeric;

/**
 * Mines what a keeper sends while it performs a duty: every few milliseconds, one block with all
 * the pending transactions, instead of anvil's automine; when nothing is pending but something is
 * queued, it frees what anvil holds without a gap ({@link HeldTransactions}). Automine made one
 * block per transaction (about 300 a simulated day) although anvil's cost per block grows with the
 * chain's height, and its auto miner can leave ready transactions of one sender unmined when they
 * arrive while it mines (foundry-rs/foundry#10122); a block of everything pending avoids both.
 */
final class BlockPump implements AutoCloseable {

    /** Short enough that a keeper's receipt polls see their block at once. */
    static final long INTERVAL_MILLIS = 15;

    private final AnvilRpc rpc;
    private final HeldTransactions held;
    private final ScheduledExecutorService timer;
    private volatile @Nullable RuntimeException failure;

    private BlockPump(AnvilRpc rpc) {
        this.rpc = rpc;
        this.held = new HeldTransactions(rpc);
        this.timer =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread thread = new Thread(r, "devnet-block-pump");
                            thread.setDaemon(true);
                            return thread;
                        });
    }

    /** Starts mining pending transactions until closed. */
    static BlockPump start(AnvilRpc rpc) {
        BlockPump pump = new BlockPump(rpc);
        pump.timer.scheduleWithFixedDelay(
                pump::mineWhatIsPending, 0, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        return pump;
    }

    private void mineWhatIsPending() {
        try {
            Map<?, ?> status = status();
            if (count(status, "pending") > 0) {
                rpc.send("evm_mine");
            } else if (count(status, "queued") > 0) {
                held.release();
            }
        } catch (RuntimeException e) {
            // anvil gone or refusing: the duty's deadline reports it with the pool's state
            failure = e;
        }
    }

    private Map<?, ?> status() {
        Object status = rpc.send("txpool_status");
        if (status instanceof Map<?, ?> map) {
            return map;
        }
        throw new DevnetException("txpool_status answered " + status);
    }

    private static long count(Map<?, ?> status, String section) {
        if (status.get(section) instanceof String hex) {
            return Numeric.toBigInt(hex).longValueExact();
        }
        throw new DevnetException("txpool_status has no " + section + " count: " + status);
    }

    /** The last error of a mining attempt, if any. */
    @Nullable RuntimeException failure() {
        return failure;
    }

    /** Stops mining; waits for a block being mined now to be done. */
    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
