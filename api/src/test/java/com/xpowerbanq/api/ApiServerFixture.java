package com.xpowerbanq.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Starts banq-api on a free loopback port over a db path, for integration tests. */
final class ApiServerFixture {
    private ApiServerFixture() {}

    /** No state directory: only files directly in the db path are served. */
    static ApiServer start(Path dbPath, int maxRows) {
        return start(dbPath, maxRows, Duration.ofSeconds(5));
    }

    /** Links of the db path may lead into {@code stateDir}. */
    static ApiServer start(Path dbPath, int maxRows, Path stateDir) {
        return start(dbPath, List.of(stateDir), maxRows, Duration.ofSeconds(5));
    }

    static ApiServer start(Path dbPath, int maxRows, Duration queryTimeout) {
        return start(dbPath, List.of(), maxRows, queryTimeout);
    }

    static ApiServer start(Path dbPath, List<Path> stateDirs, int maxRows, Duration queryTimeout) {
        return start(
                dbPath,
                stateDirs,
                maxRows,
                queryTimeout,
                List.of("https://www.xpowerbanq.com", "http://localhost:5173"));
    }

    /** Only {@code corsOrigins} may read answers from a browser. */
    static ApiServer start(Path dbPath, List<String> corsOrigins) {
        return start(dbPath, List.of(), 90, Duration.ofSeconds(5), corsOrigins);
    }

    /** With metrics on a free loopback port ({@link ApiServer#metricsPort()}). */
    static ApiServer startWithMetrics(Path dbPath) {
        return new ApiServer(
                        options(dbPath, List.of(), 90, Duration.ofSeconds(5), List.of())
                                .withMetricsPort(0))
                .start();
    }

    private static ApiServer start(
            Path dbPath,
            List<Path> stateDirs,
            int maxRows,
            Duration queryTimeout,
            List<String> corsOrigins) {
        return new ApiServer(options(dbPath, stateDirs, maxRows, queryTimeout, corsOrigins))
                .start();
    }

    private static ApiOptions options(
            Path dbPath,
            List<Path> stateDirs,
            int maxRows,
            Duration queryTimeout,
            List<String> corsOrigins) {
        return new ApiOptions(
                "127.0.0.1",
                0,
                dbPath,
                stateDirs,
                maxRows,
                corsOrigins,
                new PoolSettings(4, 1, queryTimeout),
                null);
    }
}
