package com.xpowerbanq.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything banq-api is configured with.
 *
 * @param host listen address
 * @param port listen port, 0 for any free port
 * @param dbPath directory whose {@code *.db} files are served
 * @param stateDirs directories the db path's links may lead into (besides the db path itself)
 * @param maxRows most days in one answer
 * @param corsOrigins origins allowed to read answers from a browser
 * @param pool connection pool and query limits per database
 * @param metricsPort loopback port of the Prometheus metrics (0: any free port), null for none
 */
record ApiOptions(
        String host,
        int port,
        Path dbPath,
        List<Path> stateDirs,
        int maxRows,
        List<String> corsOrigins,
        PoolSettings pool,
        @Nullable Integer metricsPort) {
    static final String DEFAULT_HOST = "127.0.0.1";
    static final int DEFAULT_PORT = 8001;
    static final Path DEFAULT_DB_PATH = Path.of("/srv/db");
    static final String DEFAULT_STATE_DIR = "/var/lib/banq";
    static final List<Path> DEFAULT_STATE_DIRS = List.of(Path.of(DEFAULT_STATE_DIR));
    static final int DEFAULT_MAX_ROWS = 90;
    static final List<String> DEFAULT_ORIGINS =
            List.of(
                    "https://www.xpowermine.com",
                    "https://www.xpowerbanq.com",
                    "http://localhost:5173");
    static final int DEFAULT_MAX_OPEN = 20;
    static final int DEFAULT_MAX_IDLE = 10;
    static final Duration QUERY_TIMEOUT = Duration.ofSeconds(5);

    ApiOptions {
        corsOrigins = List.copyOf(corsOrigins);
        stateDirs = List.copyOf(stateDirs);
        if (maxRows < 1) {
            throw new IllegalArgumentException("--max-rows must be at least 1, got " + maxRows);
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be in 0..65535, got " + port);
        }
        if (metricsPort != null && (metricsPort < 0 || metricsPort > 65_535)) {
            throw new IllegalArgumentException(
                    "--metrics-port must be in 0..65535, got " + metricsPort);
        }
    }

    static ApiOptions defaults() {
        return new ApiOptions(
                DEFAULT_HOST,
                DEFAULT_PORT,
                DEFAULT_DB_PATH,
                DEFAULT_STATE_DIRS,
                DEFAULT_MAX_ROWS,
                DEFAULT_ORIGINS,
                new PoolSettings(DEFAULT_MAX_OPEN, DEFAULT_MAX_IDLE, QUERY_TIMEOUT),
                null);
    }

    ApiOptions withPort(int port) {
        return new ApiOptions(
                host, port, dbPath, stateDirs, maxRows, corsOrigins, pool, metricsPort);
    }

    ApiOptions withDbPath(Path dbPath) {
        return new ApiOptions(
                host, port, dbPath, stateDirs, maxRows, corsOrigins, pool, metricsPort);
    }

    ApiOptions withMaxRows(int maxRows) {
        return new ApiOptions(
                host, port, dbPath, stateDirs, maxRows, corsOrigins, pool, metricsPort);
    }

    ApiOptions withPool(PoolSettings pool) {
        return new ApiOptions(
                host, port, dbPath, stateDirs, maxRows, corsOrigins, pool, metricsPort);
    }

    ApiOptions withMetricsPort(@Nullable Integer metricsPort) {
        return new ApiOptions(
                host, port, dbPath, stateDirs, maxRows, corsOrigins, pool, metricsPort);
    }
}
