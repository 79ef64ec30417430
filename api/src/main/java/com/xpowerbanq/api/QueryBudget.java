package com.xpowerbanq.api;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.sqlite.ProgressHandler;
import org.sqlite.SQLiteConnection;

/**
 * The time a query may take: SQLite calls back every few thousand steps and the query is
 * interrupted once its deadline has passed. This alone bounds the work of a request, whether or not
 * its client still waits: answers come from the rollup in well under a millisecond, and a legacy
 * query that could run long is cut at the limit.
 */
final class QueryBudget {
    private static final int STEPS_PER_CHECK = 10_000;

    private final long deadline;
    private volatile boolean expired;

    QueryBudget(Duration limit) {
        this.deadline = System.nanoTime() + limit.toNanos();
    }

    /** Runs {@code work} on {@code connection} under this budget. */
    <T> T run(Connection connection, SqlWork<T> work) throws SQLException {
        SQLiteConnection sqlite = connection.unwrap(SQLiteConnection.class);
        ProgressHandler.setHandler(
                sqlite,
                STEPS_PER_CHECK,
                new ProgressHandler() {
                    @Override
                    protected int progress() {
                        return spent() ? 1 : 0;
                    }
                });
        try {
            return work.run(connection);
        } finally {
            ProgressHandler.clearHandler(sqlite);
        }
    }

    private boolean spent() {
        if (System.nanoTime() - deadline > 0) {
            expired = true;
        }
        return expired;
    }

    boolean expired() {
        return expired;
    }

    /** A unit of JDBC work. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
