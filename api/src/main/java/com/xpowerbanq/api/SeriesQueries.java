package com.xpowerbanq.api;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Answers day windows of the served databases: from the rollup snapshot of a current database (read
 * again when the file changes) or on the legacy path, keeps each query within its time limit and
 * tags every answer with an ETag derived from the state of the file. Knows nothing of HTTP.
 */
final class SeriesQueries {
    private static final Logger LOG = LoggerFactory.getLogger(SeriesQueries.class);
    private static final RollupWindows ROLLUP = new RollupWindows();
    private static final LegacyWindows LEGACY = new LegacyWindows();

    private final DatabaseDirectory directory;
    private final int maxRows;
    private final Duration queryTimeout;
    private final boolean snapshots;
    private final AnswerCache cache = new AnswerCache(256, 32L << 20);
    private final LongAdder expired = new LongAdder();
    private final AtomicInteger computing = new AtomicInteger();

    /**
     * @param snapshots whether a file that holds still is answered from its rollup snapshot; false
     *     answers every window by its query, as the first request after each commit is (the
     *     benchmark measures that path this way)
     */
    SeriesQueries(
            DatabaseDirectory directory, int maxRows, Duration queryTimeout, boolean snapshots) {
        this.directory = directory;
        this.maxRows = maxRows;
        this.queryTimeout = queryTimeout;
        this.snapshots = snapshots;
    }

    /**
     * The rows of {@code route} over {@code window} in database {@code name}.
     *
     * @param ifNoneMatch the client's If-None-Match header, if any
     * @throws UnavailableException when the database is absent, unreadable or too slow
     */
    SeriesAnswer answer(Route route, String name, DayWindow window, @Nullable String ifNoneMatch) {
        DatabaseDirectory.Lease lease = directory.lease(name);
        String etag = EntityTag.of(route, name, window, maxRows, lease.stamp());
        String file = name + ".db";
        if (ifNoneMatch != null && EntityTag.matches(ifNoneMatch, etag)) {
            return new SeriesAnswer(file, etag, null, SeriesAnswer.Source.NOT_MODIFIED);
        }
        String cached = cache.get(etag);
        if (cached != null) {
            return new SeriesAnswer(file, etag, cached, SeriesAnswer.Source.CACHE);
        }
        QueryBudget budget = new QueryBudget(queryTimeout);
        computing.incrementAndGet();
        try {
            Rendered rendered = compute(route, lease, window, budget);
            cache.put(etag, rendered.json());
            return new SeriesAnswer(file, etag, rendered.json(), rendered.source());
        } catch (SQLException e) {
            throw failure(lease.db(), e, budget);
        } finally {
            computing.decrementAndGet();
        }
    }

    private record Rendered(String json, SeriesAnswer.Source source) {}

    private Rendered compute(
            Route route, DatabaseDirectory.Lease lease, DayWindow window, QueryBudget budget)
            throws SQLException {
        ServedDatabase db = lease.db();
        RollupSnapshot snapshot = db.snapshot(route);
        if (snapshot != null && snapshot.isOf(lease.stamp())) {
            return new Rendered(snapshot.window(window, maxRows), SeriesAnswer.Source.SNAPSHOT);
        }
        try (Connection c = db.connection()) {
            directory.refreshLayout(lease);
            String problem = db.problem();
            if (problem != null) {
                // asked again on every request: a file that changes is inspected again
                throw new UnavailableException("Database not available: " + problem);
            }
            return switch (db.layout()) {
                case CURRENT -> {
                    if (snapshots && db.seenTwice(route, lease.stamp())) {
                        RollupSnapshot fresh =
                                budget.run(
                                        c, conn -> RollupSnapshot.load(conn, route, lease.stamp()));
                        db.keep(route, fresh);
                        yield new Rendered(
                                fresh.window(window, maxRows), SeriesAnswer.Source.SNAPSHOT);
                    }
                    // the file has just changed and may change again at once (a backfill):
                    // a windowed query is cheaper than reading the whole rollup
                    yield new Rendered(
                            DailyRow.toJson(
                                    budget.run(
                                            c,
                                            conn ->
                                                    route == Route.DAILY_AVERAGE
                                                            ? ROLLUP.averages(conn, window, maxRows)
                                                            : ROLLUP.ohlc(conn, window, maxRows))),
                            SeriesAnswer.Source.SQL);
                }
                case LEGACY ->
                        new Rendered(
                                DailyRow.toJson(
                                        budget.run(
                                                c,
                                                conn ->
                                                        route == Route.DAILY_AVERAGE
                                                                ? LEGACY.averages(
                                                                        conn, window, maxRows)
                                                                : LEGACY.ohlc(
                                                                        conn, window, maxRows))),
                                SeriesAnswer.Source.LEGACY_SQL);
                case EMPTY, FOREIGN -> throw new IllegalStateException("no problem found");
            };
        }
    }

    /** Answers being computed now (not found in the answer cache). */
    int computing() {
        return computing.get();
    }

    /** Queries interrupted at their time limit. */
    long expiredQueries() {
        return expired.sum();
    }

    private UnavailableException failure(ServedDatabase db, SQLException e, QueryBudget budget) {
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
