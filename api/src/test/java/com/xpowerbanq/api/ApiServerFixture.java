package com.xpowerbanq.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Starts banq-api on a free loopback port over a db path, for integration tests. */
final class ApiServerFixture {
    private ApiServerFixture() {}

    static ApiServer start(Path dbPath, int maxRows) {
        return start(dbPath, maxRows, Duration.ofSeconds(5));
    }

    static ApiServer start(Path dbPath, int maxRows, Duration queryTimeout) {
        ApiOptions options =
                new ApiOptions(
                        "127.0.0.1",
                        0,
                        dbPath,
                        maxRows,
                        List.of("https://www.xpowerbanq.com", "http://localhost:5173"),
                        new PoolSettings(4, 1, queryTimeout));
        return new ApiServer(options).start();
    }
}
