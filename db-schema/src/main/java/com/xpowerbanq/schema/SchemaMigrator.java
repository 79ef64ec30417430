package com.xpowerbanq.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Brings an empty or legacy database to the current schema in one transaction, applying the
 * packaged {@code sql/v1-*.sql} scripts and recording {@code PRAGMA user_version}.
 */
final class SchemaMigrator {

    private SchemaMigrator() {}

    static Migration migrate(Connection connection, Kind kind) throws SQLException {
        if (!connection.getAutoCommit()) {
            throw new SQLException(
                    "migrating needs a connection in auto-commit mode: it runs its own transaction");
        }
        try (Statement statement = connection.createStatement()) {
            // IMMEDIATE takes the write lock first, so two writers opening one legacy file
            // migrate it once: the second finds it current.
            statement.execute("BEGIN IMMEDIATE");
            try {
                Migration migration = migrateInTransaction(connection, kind);
                statement.execute("COMMIT");
                return migration;
            } catch (SQLException | RuntimeException e) {
                statement.execute("ROLLBACK");
                throw e;
            }
        }
    }

    private static Migration migrateInTransaction(Connection connection, Kind kind)
            throws SQLException {
        SchemaProbe probe = SchemaProbe.of(connection);
        if (probe.state() == SchemaState.FOREIGN) {
            throw new SQLException("not a series database: " + probe.reason());
        }
        if (probe.kind() != null && probe.kind() != kind) {
            throw new SQLException("it holds " + probe.kind() + " series data, not " + kind);
        }
        if (probe.state() == SchemaState.CURRENT) {
            return new Migration(
                    SchemaState.CURRENT, SeriesDatabase.SCHEMA_VERSION, rows(connection), 0);
        }
        String k = kind.name().toLowerCase(Locale.ROOT);
        SqlScript.load("v1-" + k + "-columns.sql").run(connection);
        int duplicates = SqlScript.load("v1-dedupe.sql").run(connection);
        SqlScript.load("v1-rollup.sql").run(connection);
        SqlScript.load("v1-" + k + "-view.sql").run(connection);
        try (PreparedStatement meta =
                connection.prepareStatement(
                        "INSERT INTO banq_meta(key, value) VALUES (?, ?)"
                                + " ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
            meta.setString(1, SchemaProbe.KIND_KEY);
            meta.setString(2, k);
            meta.executeUpdate();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA user_version = " + SeriesDatabase.SCHEMA_VERSION);
        }
        return new Migration(
                probe.state(), SeriesDatabase.SCHEMA_VERSION, rows(connection), duplicates);
    }

    private static long rows(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM raw_logs")) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }
}
