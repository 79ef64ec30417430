package com.xpowerbanq.api;

import com.xpowerbanq.schema.Kind;
import com.xpowerbanq.schema.SchemaState;
import com.xpowerbanq.schema.SeriesDatabase;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One database file the API serves: a small read-only connection pool over it and what its schema
 * allows (CURRENT: the daily rollup; LEGACY: only the original system's raw_logs).
 */
final class ServedDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServedDatabase.class);
    private final String name;
    private final Path realFile;
    private final Object identity;
    private final HikariDataSource pool;
    private final ChangeCounters counters;
    private volatile SchemaState layout;
    private volatile @Nullable Kind kind;
    private volatile @Nullable FileStamp inspectedAt;
    private final Map<Route, RollupSnapshot> snapshots = new ConcurrentHashMap<>();
    private final Map<Route, FileStamp> lastSeen = new ConcurrentHashMap<>();

    private ServedDatabase(String name, Path realFile, Object identity, HikariDataSource pool) {
        this.name = name;
        this.realFile = realFile;
        this.identity = identity;
        this.pool = pool;
        this.counters = new ChangeCounters(realFile, wal());
        this.layout = SchemaState.EMPTY;
    }

    static ServedDatabase open(String name, Path realFile, Object identity, PoolSettings settings)
            throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setPoolName("db-" + name);
        config.setJdbcUrl(SeriesDatabase.readOnlyUrl(realFile));
        config.setMaximumPoolSize(settings.maxOpen());
        config.setMinimumIdle(Math.min(settings.maxIdle(), settings.maxOpen()));
        config.setConnectionTimeout(2_000);
        config.setValidationTimeout(1_000);
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("busy_timeout", "1000");
        ServedDatabase db =
                new ServedDatabase(name, realFile, identity, new HikariDataSource(config));
        try {
            db.inspect();
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    /** Reads what the file holds now; a legacy file may have been migrated since it was opened. */
    SchemaState inspect() throws SQLException {
        try (Connection c = pool.getConnection()) {
            kind = SeriesDatabase.kindOf(c);
            layout = SeriesDatabase.inspect(c);
            return layout;
        }
    }

    /**
     * Why the file cannot answer for its name, or null when it can: it must be a series database of
     * the kind its name says ({@code ri_} reads RI series, {@code rt_} RT series).
     */
    @Nullable String problem() {
        return switch (layout) {
            case EMPTY -> name + " is not a series database (it has no tables)";
            case FOREIGN -> name + " is not a series database";
            case CURRENT, LEGACY -> {
                Kind holds = kind;
                Kind named = namedKind();
                yield holds != null && named != null && holds != named
                        ? name + " is an " + holds + " series database, not " + named
                        : null;
            }
        };
    }

    private @Nullable Kind namedKind() {
        for (Kind k : Kind.values()) {
            if (name.startsWith(k.apiPrefix())) {
                return k;
            }
        }
        return null;
    }

    boolean needsInspection(FileStamp stamp) {
        return !stamp.equals(inspectedAt);
    }

    void inspected(FileStamp stamp) {
        inspectedAt = stamp;
    }

    @Nullable RollupSnapshot snapshot(Route route) {
        return snapshots.get(route);
    }

    /**
     * Whether {@code stamp} is the state the previous request of {@code route} saw too: a file that
     * held still between two requests is worth a snapshot.
     */
    boolean seenTwice(Route route, FileStamp stamp) {
        return stamp.equals(lastSeen.put(route, stamp));
    }

    void keep(Route route, RollupSnapshot snapshot) {
        snapshots.put(route, snapshot);
    }

    String name() {
        return name;
    }

    Path wal() {
        return realFile.resolveSibling(realFile.getFileName() + "-wal");
    }

    /** SQLite's change counters of the file, read through files kept open while it is served. */
    ChangeCounters counters() {
        return counters;
    }

    Object identity() {
        return identity;
    }

    SchemaState layout() {
        return layout;
    }

    Connection connection() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public void close() {
        pool.close();
        try {
            counters.close();
        } catch (IOException e) {
            LOG.warn("Cannot close the files of {}.db: {}", name, e.toString());
        }
    }
}
