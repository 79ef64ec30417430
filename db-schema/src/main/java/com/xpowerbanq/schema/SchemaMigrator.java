package com.xpowerbanq.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Brings an empty, legacy or schema-1 database to the current schema in one transaction, applying
 * the packaged {@code sql/*.sql} scripts, recording the series kind and the contract run in {@code
 * banq_meta} and the schema in {@code PRAGMA user_version}. The run decides how rows under the
 * original CLI's quote names are read ({@code rt-value.sql}), so it is recorded once and kept.
 */
final class SchemaMigrator {

    private SchemaMigrator() {}

    static Migration migrate(Connection connection, Kind kind, ContractRun run)
            throws SQLException {
        if (!connection.getAutoCommit()) {
            throw new SQLException(
                    "migrating needs a connection in auto-commit mode: it runs its own transaction");
        }
        try (Statement statement = connection.createStatement()) {
            // IMMEDIATE takes the write lock first, so two writers opening one legacy file
            // migrate it once: the second finds it current.
            statement.execute("BEGIN IMMEDIATE");
            try {
                Migration migration = migrateInTransaction(connection, kind, run);
                statement.execute("COMMIT");
                return migration;
            } catch (SQLException | RuntimeException e) {
                statement.execute("ROLLBACK");
                throw e;
            }
        }
    }

    private static Migration migrateInTransaction(Connection connection, Kind kind, ContractRun run)
            throws SQLException {
        SchemaProbe probe = SchemaProbe.of(connection);
        if (probe.state() == SchemaState.FOREIGN) {
            throw new SQLException("not a series database: " + probe.reason());
        }
        if (probe.kind() != null && probe.kind() != kind) {
            throw new SQLException("it holds " + probe.kind() + " series data, not " + kind);
        }
        if (probe.run() != null && probe.run() != run) {
            throw new SQLException(
                    "it holds contract run " + probe.run().id() + " events, not " + run.id());
        }
        boolean current = probe.state() == SchemaState.CURRENT;
        if (current && probe.version() == SeriesDatabase.SCHEMA_VERSION && probe.run() != null) {
            return new Migration(
                    SchemaState.CURRENT,
                    SeriesDatabase.SCHEMA_VERSION,
                    SeriesDatabase.SCHEMA_VERSION,
                    rows(connection),
                    0);
        }
        String k = kind.name().toLowerCase(Locale.ROOT);
        String ask = run.packed() ? "quote_mid" : "quote_rel";
        int duplicates = 0;
        if (!current) {
            SqlScript.load("v1-" + k + "-columns.sql").run(connection);
            if (kind == Kind.RT) {
                SqlScript.load("rt-value.sql").with("mid_row_ask", ask).run(connection);
            }
            duplicates = SqlScript.load("v1-dedupe.sql").run(connection);
        } else if (kind == Kind.RT && probe.version() < SeriesDatabase.SCHEMA_VERSION) {
            SqlScript.load("v2-rt-requote.sql").run(connection);
            SqlScript.load("rt-value.sql").with("mid_row_ask", ask).run(connection);
        }
        if (!current || kind == Kind.RT) {
            SqlScript.load("v1-rollup.sql").run(connection);
            SqlScript.load("v1-" + k + "-view.sql").with("mid_row_ask", ask).run(connection);
        }
        try (PreparedStatement meta =
                connection.prepareStatement(
                        "INSERT INTO banq_meta(key, value) VALUES (?, ?)"
                                + " ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
            meta.setString(1, SchemaProbe.KIND_KEY);
            meta.setString(2, k);
            meta.addBatch();
            meta.setString(1, SchemaProbe.RUN_KEY);
            meta.setString(2, run.id());
            meta.addBatch();
            meta.executeBatch();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA user_version = " + SeriesDatabase.SCHEMA_VERSION);
        }
        return new Migration(
                probe.state(),
                probe.version(),
                SeriesDatabase.SCHEMA_VERSION,
                rows(connection),
                duplicates);
    }

    private static long rows(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM raw_logs")) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }
}
