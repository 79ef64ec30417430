package com.xpowerbanq.api;

import java.time.Duration;

/**
 * How each database's connection pool is sized and how long a query may run.
 *
 * @param maxOpen most connections per database ({@code --db.max-open})
 * @param maxIdle connections kept open while idle ({@code --db.max-idle})
 * @param queryTimeout the time limit of one query, after which it is interrupted
 */
record PoolSettings(int maxOpen, int maxIdle, Duration queryTimeout) {
    PoolSettings {
        if (maxOpen < 1) {
            throw new IllegalArgumentException("--db.max-open must be at least 1, got " + maxOpen);
        }
        if (maxIdle < 0) {
            throw new IllegalArgumentException(
                    "--db.max-idle must not be negative, got " + maxIdle);
        }
    }
}
