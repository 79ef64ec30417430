package com.xpowerbanq.api;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Answers day windows of the served databases: picks the fast or the legacy path, keeps each query
 * within its time limit and tags every answer with an ETag derived from the state of the file.
 * Knows nothing of HTTP.
 */
final class SeriesQueries {
    private static final Logger LOG = LoggerFactory.getLogger(SeriesQueries.class);
    private static final WindowQuery ROLLUP = new RollupWindows();
    private static final WindowQuery LEGACY = new LegacyWindows();

    private final DatabaseDirectory directory;
    private final int maxRows;
    private final Duration queryTimeout;
    private final AnswerCache cache = new AnswerCache(256, 32L << 20);
    private final LongAdder abandoned = new LongAdder();
    private final LongAdder expired = new LongAdder();

    SeriesQueries(DatabaseDirectory directory, int maxRows, Duration queryTimeout) {
        this.directory = directory;
        this.maxRows = maxRows;
        this.queryTimeout = queryTimeout;
    }

    /**
     * The rows of {@code route} over {@code window} in database {@code name}.
     *
     * @param ifNoneMatch the client's If-None-Match header, if any
     * @param clientGone tells whether the client has stopped waiting
     * @throws UnavailableException when the database is absent, unreadable or too slow
     */
    SeriesAnswer answer(
            Route route,
            String name,
            DayWindow window,
            @Nullable String ifNoneMatch,
            BooleanSupplier clientGone) {
        DatabaseDirectory.Lease lease = directory.lease(name);
        String etag = EntityTag.of(route, name, window, maxRows, lease.stamp());
        String file = name + ".db";
        if (ifNoneMatch != null && EntityTag.matches(ifNoneMatch, etag)) {
            return new SeriesAnswer(file, etag, null);
        }
        String cached = cache.get(etag);
        if (cached != null) {
            return new SeriesAnswer(file, etag, cached);
        }
        QueryBudget budget = new QueryBudget(queryTimeout, clientGone);
        try (Connection c = lease.db().connection()) {
            directory.refreshLayout(lease);
            List<? extends DailyRow> rows =
                    budget.run(c, conn -> rows(route, lease.db(), conn, window));
            String json = DailyRow.toJson(rows);
            cache.put(etag, json);
            return new SeriesAnswer(file, etag, json);
        } catch (SQLException e) {
            throw failure(lease.db(), e, budget);
        }
    }

    /** Queries interrupted because their client went away. */
    long abandonedQueries() {
        return abandoned.sum();
    }

    /** Queries interrupted at their time limit. */
    long expiredQueries() {
        return expired.sum();
    }

    private List<? extends DailyRow> rows(
            Route route, ServedDatabase db, Connection c, DayWindow window) throws SQLException {
        WindowQuery query =
                switch (db.layout()) {
                    case CURRENT -> ROLLUP;
                    case LEGACY -> LEGACY;
                    case EMPTY -> null;
                    case FOREIGN ->
                            throw new UnavailableException(
                                    "Database not available: "
                                            + db.name()
                                            + " is not a series"
                                            + " database");
                };
        if (query == null) {
            return List.of();
        }
        return route == Route.DAILY_AVERAGE
                ? query.averages(c, window, maxRows)
                : query.ohlc(c, window, maxRows);
    }

    private UnavailableException failure(ServedDatabase db, SQLException e, QueryBudget budget) {
        if (budget.abandoned()) {
            abandoned.increment();
            return new UnavailableException("Client closed the request", e);
        }
        if (budget.expired()) {
            expired.increment();
            LOG.warn("{}.db: query interrupted after {} ms", db.name(), queryTimeout.toMillis());
            return new UnavailableException("Query time limit exceeded, try a shorter window", e);
        }
        SQLiteErrorCode code = e instanceof SQLiteException sqlite ? sqlite.getResultCode() : null;
        if (code != SQLiteErrorCode.SQLITE_BUSY && code != SQLiteErrorCode.SQLITE_LOCKED) {
            // corrupt, not a database, or the pool broke: reopen on the next request
            directory.evict(db, "query failed: " + e.getMessage());
        }
        LOG.warn("{}.db: {}", db.name(), e.getMessage());
        return new UnavailableException("Database not available", e);
    }
}
