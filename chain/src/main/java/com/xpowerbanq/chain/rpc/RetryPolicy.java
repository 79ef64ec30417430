package com.xpowerbanq.chain.rpc;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;

/**
 * How often a call is tried on each endpoint and how long to wait in between: exponential backoff
 * with jitter from {@code base}, capped at {@code max}, as a Resilience4j {@link Retry}.
 */
public record RetryPolicy(int attempts, Duration base, Duration max) {
    private static final double MULTIPLIER = 2.0;
    private static final double JITTER = 0.5;

    /**
     * Each call tried once on each endpoint, no waiting: for transactions, which a repeat after a
     * lost answer could send twice, and for callers that retry whole steps themselves.
     */
    public static RetryPolicy once() {
        return new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1));
    }

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, not " + attempts);
        }
    }

    /**
     * A retry over {@code endpoints} endpoints that retries the failures {@code retried} accepts:
     * {@code attempts} rounds, each trying every endpoint once; the wait grows per round, not per
     * endpoint, so a dead endpoint is passed over at once.
     */
    Retry retry(String name, int endpoints, java.util.function.Predicate<Throwable> retried) {
        IntervalFunction backoff =
                IntervalFunction.ofExponentialRandomBackoff(base, MULTIPLIER, JITTER, max);
        RetryConfig config =
                RetryConfig.custom()
                        .maxAttempts(attempts * endpoints)
                        .intervalBiFunction(
                                (attempt, outcome) -> backoff.apply(1 + (attempt - 1) / endpoints))
                        .retryOnException(retried)
                        .build();
        return Retry.of(name, config);
    }
}
