package com.xpowerbanq.api;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.sqlite.ProgressHandler;
import org.sqlite.SQLiteConnection;

/**
 * The time a query may take and whether its client still waits: SQLite calls back every few
 * thousand steps and the query is interrupted as soon as either runs out.
 */
final class QueryBudget {
    private static final int STEPS_PER_CHECK = 10_000;

    private final long deadline;
    private final BooleanSupplier clientGone;
    private volatile boolean expired;
    private volatile boolean abandoned;

    QueryBudget(Duration limit, BooleanSupplier clientGone) {
        this.deadline = System.nanoTime() + limit.toNanos();
        this.clientGone = clientGone;
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
        } else if (clientGone.getAsBoolean()) {
            abandoned = true;
        }
        return expired || abandoned;
    }

    boolean expired() {
        return expired;
    }

    boolean abandoned() {
        return abandoned;
    }

    /** A unit of JDBC work. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
