package com.xpowerbanq.chain.tx;

import com.xpowerbanq.chain.rpc.JsonRpcChainClient;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * How a transaction's receipt is awaited: {@code eth_getTransactionReceipt} polled with a pause
 * growing from {@code firstPause} to {@code maxPause}, until {@code timeout} has passed; every
 * {@code lookEvery} before that deadline, and at it, the sender looks at the chain to heal a
 * transaction that is not coming (see {@link TransactionSender}).
 */
public record ReceiptPolling(
        Duration firstPause, Duration maxPause, Duration timeout, Duration lookEvery) {
    private static final double GROWTH = 2.0;

    public ReceiptPolling {
        if (!timeout.isPositive() || !lookEvery.isPositive()) {
            throw new IllegalArgumentException(
                    "a receipt timeout and the time between looks at the chain must be positive");
        }
    }

    /** Looks at the chain only at the deadline. */
    public ReceiptPolling(Duration firstPause, Duration maxPause, Duration timeout) {
        this(firstPause, maxPause, timeout, timeout);
    }

    /** Polls at a fixed {@code pause}; looks at the chain only at the deadline. */
    public static ReceiptPolling every(Duration pause, Duration timeout) {
        return new ReceiptPolling(pause, pause, timeout);
    }

    /** The same polling, looking at the chain every {@code fraction} of the timeout. */
    public ReceiptPolling lookingEvery(double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException(
                    "the fraction of the receipt timeout between looks at the chain must be in"
                            + " (0, 1], not "
                            + fraction);
        }
        return new ReceiptPolling(
                firstPause,
                maxPause,
                timeout,
                Duration.ofNanos(Math.max(1, (long) (timeout.toNanos() * fraction))));
    }

    /** The receipt of {@code hash}, empty when none came before the deadline. */
    public Optional<TransactionReceipt> await(JsonRpcChainClient chain, String hash) {
        return awaitAny(chain, () -> List.of(hash), System.nanoTime() + timeout.toNanos());
    }

    /**
     * The receipt of any of the transactions {@code hashes} names (read again at each poll, as a
     * replacement adds one), empty when none came before {@code deadline} ({@link
     * System#nanoTime()}).
     */
    public Optional<TransactionReceipt> awaitAny(
            JsonRpcChainClient chain, Supplier<List<String>> hashes, long deadline) {
        RetryConfig config =
                RetryConfig.<Optional<TransactionReceipt>>custom()
                        .maxAttempts(Integer.MAX_VALUE)
                        .intervalFunction(
                                IntervalFunction.ofExponentialBackoff(firstPause, GROWTH, maxPause))
                        .retryOnResult(receipt -> receipt.isEmpty() && System.nanoTime() < deadline)
                        .retryOnException(e -> false)
                        .build();
        return Retry.of("receipt", config).executeSupplier(() -> receiptOfAny(chain, hashes.get()));
    }

    private static Optional<TransactionReceipt> receiptOfAny(
            JsonRpcChainClient chain, List<String> hashes) {
        for (String hash : hashes) {
            Optional<TransactionReceipt> receipt =
                    chain.request(
                                    "eth_getTransactionReceipt(" + hash + ")",
                                    w -> w.ethGetTransactionReceipt(hash))
                            .getTransactionReceipt();
            if (receipt.isPresent()) {
                return receipt;
            }
        }
        return Optional.empty();
    }
}
