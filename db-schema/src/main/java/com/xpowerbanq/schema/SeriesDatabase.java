package com.xpowerbanq.schema;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteConfig;

/**
 * Opens series databases: the writer's connection (PRAGMAs set, schema created or migrated in
 * place) and the URL readers use. Insert events with {@code INSERT INTO raw_logs(id, json) VALUES
 * (?, ?) ON CONFLICT DO NOTHING}; the triggers keep {@code daily_rollup} in the same transaction.
 */
public final class SeriesDatabase {

    /** The schema version this build writes, recorded as {@code PRAGMA user_version}. */
    public static final int SCHEMA_VERSION = 2;

    /** How long a writer waits for another connection's lock before SQLITE_BUSY. */
    public static final int BUSY_TIMEOUT_MILLIS = 10_000;

    /**
     * WAL pages between automatic checkpoints (SQLite's default is 1000). A writer committing 16
     * rows at a time dirties a page of each index per commit, and a random page of the id index per
     * row; a checkpoint writes each page back once however often it changed, then syncs the WAL and
     * the database. Checkpointing twenty times less often than the default writes the hot pages
     * back once instead of twenty times and halves the syncs of 10,000: about a fifth more rows per
     * second in wall time on this machine's disk (ADR 0002). The WAL grows to about 80 MiB while a
     * backfill writes; {@link #truncateWal} gives the space back when the writer is done.
     */
    public static final int WAL_AUTOCHECKPOINT_PAGES = 20_000;

    /**
     * Size the WAL file is cut back to after a checkpoint: above what {@link
     * #WAL_AUTOCHECKPOINT_PAGES} lets it reach, so a writer reuses its WAL file instead of cutting
     * it after every checkpoint and growing it again (each cut frees and each growth allocates
     * blocks, measured at about a tenth of the insert rate). {@link #truncateWal} empties it at the
     * end.
     */
    public static final long JOURNAL_SIZE_LIMIT_BYTES = 128L << 20;

    private static final System.Logger LOG = System.getLogger(SeriesDatabase.class.getName());

    private SeriesDatabase() {}

    /**
     * Opens {@code file} for writing series {@code kind}: creates it when missing, migrates an
     * empty or legacy database in place, and sets busy_timeout, journal_mode=WAL,
     * synchronous=NORMAL, recursive_triggers (so even an {@code INSERT OR REPLACE} keeps the rollup
     * right), wal_autocheckpoint and journal_size_limit. Transactions begun with {@code
     * setAutoCommit(false)} are IMMEDIATE.
     *
     * @throws SeriesDatabaseException naming the file when it is not a SQLite database, is another
     *     application's database, holds the other kind of series or cannot be opened; such a file
     *     is left unchanged
     */
    public static Connection openWriter(Path file, Kind kind) throws SQLException {
        return openWriter(file, kind, ContractRun.V10A);
    }

    /**
     * Opens {@code file} for writing series {@code kind} of contract {@code run}, as {@link
     * #openWriter(Path, Kind)} does. A database that records no run yet (a new, legacy or schema-1
     * one) records {@code run}, which then decides how its rows are read; one that records another
     * run is refused.
     *
     * @throws SeriesDatabaseException naming the file and both runs when it holds another run's
     *     events; such a file is left unchanged
     */
    public static Connection openWriter(Path file, Kind kind, ContractRun run) throws SQLException {
        Path path = file.toAbsolutePath();
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        Connection connection;
        try {
            connection = config.createConnection("jdbc:sqlite:" + path);
        } catch (SQLException e) {
            throw new SeriesDatabaseException(path, "cannot be opened: " + e.getMessage(), e);
        }
        try {
            prepare(connection, path, kind, run);
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            if (e instanceof SeriesDatabaseException) {
                throw e;
            }
            throw new SeriesDatabaseException(path, e.getMessage(), e);
        }
    }

    private static void prepare(Connection connection, Path path, Kind kind, ContractRun run)
            throws SQLException {
        SchemaProbe probe;
        try {
            probe = SchemaProbe.of(connection);
        } catch (SQLException e) {
            throw new SeriesDatabaseException(
                    path, "is not a readable SQLite database (" + e.getMessage() + ")", e);
        }
        if (probe.state() == SchemaState.FOREIGN) {
            throw new SeriesDatabaseException(
                    path, "is not a series database: " + probe.reason() + "; nothing was changed");
        }
        if (probe.kind() != null && probe.kind() != kind) {
            throw new SeriesDatabaseException(
                    path,
                    "holds "
                            + probe.kind()
                            + " series data, cannot open it as "
                            + kind
                            + "; nothing was changed");
        }
        if (probe.run() != null && probe.run() != run) {
            throw new SeriesDatabaseException(
                    path,
                    "holds events of contract run "
                            + probe.run().id()
                            + ", cannot write contract run "
                            + run.id()
                            + " events into it (CONTRACT_RUN="
                            + run.id()
                            + "); nothing was changed");
        }
        try (Statement statement = connection.createStatement()) {
            try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode = WAL")) {
                if (!mode.next() || !"wal".equalsIgnoreCase(mode.getString(1))) {
                    throw new SeriesDatabaseException(path, "cannot switch to WAL journal mode");
                }
            }
            statement.execute("PRAGMA synchronous = NORMAL");
            statement.execute("PRAGMA recursive_triggers = ON");
            statement.execute("PRAGMA wal_autocheckpoint = " + WAL_AUTOCHECKPOINT_PAGES);
            statement.execute("PRAGMA journal_size_limit = " + JOURNAL_SIZE_LIMIT_BYTES);
        }
        if (probe.state() != SchemaState.CURRENT
                || probe.version() < SCHEMA_VERSION
                || probe.run() == null) {
            Migration migration = migrate(connection, kind, run);
            if (migration.from() == SchemaState.LEGACY) {
                LOG.log(
                        System.Logger.Level.INFO,
                        "migrated legacy {0} database {1} to schema {2} as contract run {5}"
                                + " (CONTRACT_RUN): {3} rows, {4} duplicate events removed",
                        kind,
                        path,
                        migration.version(),
                        migration.rows(),
                        migration.duplicatesRemoved(),
                        run.id());
            }
        }
    }

    /**
     * Brings the database to the current schema in one transaction; idempotent (a current database
     * is left as it is). Legacy rows that repeat an event (same block and log index) under another
     * id are removed, the first written kept, and counted in the result.
     *
     * @throws SQLException when the database is foreign or holds the other kind of series
     */
    public static Migration migrate(Connection connection, Kind kind) throws SQLException {
        return migrate(connection, kind, ContractRun.V10A);
    }

    /**
     * Brings the database to the current schema as {@link #migrate(Connection, Kind)} does,
     * recording {@code run} when it records none yet.
     *
     * @throws SQLException when the database is foreign, holds the other kind of series or another
     *     contract run's events
     */
    public static Migration migrate(Connection connection, Kind kind, ContractRun run)
            throws SQLException {
        return SchemaMigrator.migrate(connection, kind, run);
    }

    /**
     * The contract run whose events the database on {@code connection} holds, as its writer
     * recorded it; null when none is recorded (an empty, legacy or schema-1 database). Reads only.
     */
    public static @Nullable ContractRun runOf(Connection connection) throws SQLException {
        return SchemaProbe.of(connection).run();
    }

    /**
     * Checkpoints the whole WAL into the database and truncates the WAL file to zero bytes, so a
     * series that is no longer being written keeps no WAL on disk; call it on a writer connection
     * that is done writing, before closing it. Does not wait: while a reader still uses the WAL it
     * checkpoints what it can and leaves the file (the next writer or the last connection to close
     * cleans up). Returns whether the WAL was emptied.
     */
    public static boolean truncateWal(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
            connection.setAutoCommit(true);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = 0");
            try (ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                return result.next() && result.getInt(1) == 0;
            } finally {
                statement.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
            }
        }
    }

    /** What the database on {@code connection} holds; reads only, changes nothing. */
    public static SchemaState inspect(Connection connection) throws SQLException {
        return SchemaProbe.of(connection).state();
    }

    /**
     * The kind of series the database on {@code connection} holds: the kind the writer recorded in
     * a current database, the original's view or index (or first row) in a legacy one; null when it
     * cannot be told (an empty or foreign file). Reads only, changes nothing.
     */
    public static @Nullable Kind kindOf(Connection connection) throws SQLException {
        return SchemaProbe.of(connection).kind();
    }

    /**
     * The JDBC URL of a read-only connection to {@code file}: {@code
     * jdbc:sqlite:file:/abs/path?mode=ro}, the path percent-encoded where SQLite's URI syntax needs
     * it. Such a connection never creates nor changes the file.
     */
    public static String readOnlyUrl(Path file) {
        return "jdbc:sqlite:file:" + uriPath(file.toAbsolutePath().toString()) + "?mode=ro";
    }

    private static String uriPath(String path) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "/-._~:".indexOf(c) >= 0)) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }
}
