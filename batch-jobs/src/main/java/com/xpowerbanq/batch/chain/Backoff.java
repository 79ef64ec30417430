package com.xpowerbanq.batch.chain;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: attempt n waits a random time between half and all of {@code
 * base * 2^n}, capped at {@code max}.
 */
public record Backoff(int attempts, Duration base, Duration max) {

    public Backoff {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, not " + attempts);
        }
    }

    public Duration delay(int attempt) {
        long cap = max.toMillis();
        long exp = base.toMillis() << Math.min(attempt, 20);
        long full = Math.min(cap, exp < 0 ? cap : exp);
        long half = full / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(full - half + 1));
    }

    void sleep(int attempt) {
        try {
            Thread.sleep(delay(attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
