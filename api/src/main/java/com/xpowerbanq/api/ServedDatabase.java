package com.xpowerbanq.api;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jspecify.annotations.Nullable;

/**
 * One database file the API serves: a small read-only connection pool over it and what its schema
 * allows (the daily rollup, or only the original system's raw_logs).
 */
final class ServedDatabase implements AutoCloseable {
    private final String name;
    private final Path realFile;
    private final Object identity;
    private final HikariDataSource pool;
    private volatile Layout layout;
    private volatile @Nullable FileStamp inspectedAt;

    /** What the file holds, which decides how a window is answered. */
    enum Layout {
        /** daily_rollup kept by the writer: one row per day. */
        ROLLUP,
        /** only the original system's raw_logs: the slow path. */
        LEGACY,
        /** no tables yet: every window is empty. */
        EMPTY,
        /** not a series database. */
        FOREIGN
    }

    private ServedDatabase(String name, Path realFile, Object identity, HikariDataSource pool) {
        this.name = name;
        this.realFile = realFile;
        this.identity = identity;
        this.pool = pool;
        this.layout = Layout.EMPTY;
    }

    static ServedDatabase open(String name, Path realFile, Object identity, PoolSettings settings)
            throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setPoolName("db-" + name);
        config.setJdbcUrl(readOnlyUrl(realFile));
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

    static String readOnlyUrl(Path file) {
        return "jdbc:sqlite:file:" + file.toAbsolutePath() + "?mode=ro";
    }

    /** Reads which tables exist; a legacy file may have been migrated since it was opened. */
    Layout inspect() throws SQLException {
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "SELECT"
                                        + " EXISTS(SELECT 1 FROM sqlite_master WHERE type='table' AND"
                                        + " name='raw_logs'), EXISTS(SELECT 1 FROM sqlite_master WHERE"
                                        + " type='table' AND name='daily_rollup'), (SELECT count(*)"
                                        + " FROM sqlite_master)")) {
            rs.next();
            boolean rawLogs = rs.getBoolean(1);
            boolean rollup = rs.getBoolean(2);
            int objects = rs.getInt(3);
            layout =
                    rawLogs && rollup
                            ? Layout.ROLLUP
                            : rawLogs
                                    ? Layout.LEGACY
                                    : objects == 0 ? Layout.EMPTY : Layout.FOREIGN;
            return layout;
        }
    }

    boolean needsInspection(FileStamp stamp) {
        return !stamp.equals(inspectedAt);
    }

    void inspected(FileStamp stamp) {
        inspectedAt = stamp;
    }

    String name() {
        return name;
    }

    Path realFile() {
        return realFile;
    }

    Path wal() {
        return realFile.resolveSibling(realFile.getFileName() + "-wal");
    }

    Object identity() {
        return identity;
    }

    Layout layout() {
        return layout;
    }

    Connection connection() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public void close() {
        pool.close();
    }
}
