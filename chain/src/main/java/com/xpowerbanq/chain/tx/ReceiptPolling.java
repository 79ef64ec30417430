package com.xpowerbanq.chain.tx;

import com.xpowerbanq.chain.rpc.JsonRpcChainClient;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.Optional;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * How a transaction's receipt is awaited: {@code eth_getTransactionReceipt} polled with a pause
 * growing from {@code firstPause} to {@code maxPause}, until {@code timeout} has passed.
 */
public record ReceiptPolling(Duration firstPause, Duration maxPause, Duration timeout) {
    private static final double GROWTH = 2.0;

    /** Polls at a fixed {@code pause}. */
    public static ReceiptPolling every(Duration pause, Duration timeout) {
        return new ReceiptPolling(pause, pause, timeout);
    }

    /** The receipt of {@code hash}, empty when none came before the deadline. */
    public Optional<TransactionReceipt> await(JsonRpcChainClient chain, String hash) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RetryConfig config =
                RetryConfig.<Optional<TransactionReceipt>>custom()
                        .maxAttempts(Integer.MAX_VALUE)
                        .intervalFunction(
                                IntervalFunction.ofExponentialBackoff(firstPause, GROWTH, maxPause))
                        .retryOnResult(receipt -> receipt.isEmpty() && System.nanoTime() < deadline)
                        .retryOnException(e -> false)
                        .build();
        return Retry.of("receipt " + hash, config)
                .executeSupplier(
                        () ->
                                chain.request(
                                                "eth_getTransactionReceipt(" + hash + ")",
                                                w -> w.ethGetTransactionReceipt(hash))
                                        .getTransactionReceipt());
    }
}
