package com.xpowerbanq.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads what a database holds without changing it: its schema state, the series kind it belongs to
 * when that can be told, and why it is foreign.
 */
record SchemaProbe(
        SchemaState state,
        @Nullable Kind kind,
        String reason,
        int version,
        @Nullable ContractRun run) {

    static final String KIND_KEY = "schema.kind";

    /**
     * banq_meta key: the contract run whose events the database holds, recorded when first written.
     */
    static final String RUN_KEY = "schema.run";

    /**
     * The first schema with typed columns, rollup and banq_meta; later ones are read the same way.
     */
    static final int FIRST_CURRENT_VERSION = 1;

    SchemaProbe(SchemaState state, @Nullable Kind kind, String reason) {
        this(state, kind, reason, 0, null);
    }

    private static final List<String> LEGACY_COLUMNS = List.of("id", "json");
    private static final List<String> CURRENT_COLUMNS =
            List.of("id", "json", "ev_block", "ev_index", "ev_time", "ev_value");
    private static final Set<String> RI_MARKERS = Set.of("riw_view", "idx_stamp");
    private static final Set<String> RT_MARKERS = Set.of("rtw_view", "idx_quote_time");
    private static final Set<String> LEGACY_OBJECTS =
            Set.of(
                    "raw_logs",
                    "idx_block_number",
                    "riw_view",
                    "idx_stamp",
                    "rtw_view",
                    "idx_quote_time");

    static SchemaProbe of(Connection connection) throws SQLException {
        int version = userVersion(connection);
        Map<String, String> objects = objects(connection);
        if (objects.isEmpty()) {
            return version == 0
                    ? new SchemaProbe(SchemaState.EMPTY, null, "no tables")
                    : foreign("no tables but user_version " + version);
        }
        if (!"table".equals(objects.get("raw_logs"))) {
            return foreign("no raw_logs table; it holds " + String.join(", ", objects.keySet()));
        }
        List<String> columns = columns(connection);
        if (version == 0) {
            if (!columns.equals(LEGACY_COLUMNS)) {
                return foreign("raw_logs has columns " + columns + ", expected " + LEGACY_COLUMNS);
            }
            List<String> unknown =
                    objects.keySet().stream().filter(n -> !LEGACY_OBJECTS.contains(n)).toList();
            if (!unknown.isEmpty()) {
                return foreign("unknown objects " + unknown + " beside the original raw_logs");
            }
            boolean ri = objects.keySet().stream().anyMatch(RI_MARKERS::contains);
            boolean rt = objects.keySet().stream().anyMatch(RT_MARKERS::contains);
            if (ri && rt) {
                return foreign("it has both the ri and the rt view or index");
            }
            Kind kind = ri ? Kind.RI : rt ? Kind.RT : kindOfFirstRow(connection);
            return new SchemaProbe(SchemaState.LEGACY, kind, "original schema");
        }
        if (version >= FIRST_CURRENT_VERSION && version <= SeriesDatabase.SCHEMA_VERSION) {
            if (!columns.equals(CURRENT_COLUMNS)
                    || !"table".equals(objects.get("daily_rollup"))
                    || !"table".equals(objects.get("banq_meta"))) {
                return foreign(
                        "user_version "
                                + version
                                + " but raw_logs columns "
                                + columns
                                + " and tables "
                                + objects.keySet());
            }
            return new SchemaProbe(
                    SchemaState.CURRENT,
                    recordedKind(connection),
                    "current",
                    version,
                    recordedRun(connection));
        }
        if (version > SeriesDatabase.SCHEMA_VERSION) {
            return foreign(
                    "schema version "
                            + version
                            + " is newer than this build's "
                            + SeriesDatabase.SCHEMA_VERSION);
        }
        return foreign("unknown schema version " + version);
    }

    private static SchemaProbe foreign(String reason) {
        return new SchemaProbe(SchemaState.FOREIGN, null, reason);
    }

    private static int userVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA user_version")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    private static Map<String, String> objects(Connection connection) throws SQLException {
        Map<String, String> objects = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery(
                                "SELECT name, type FROM sqlite_schema"
                                        + " WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
                                        + " ORDER BY name")) {
            while (rows.next()) {
                objects.put(rows.getString(1), rows.getString(2));
            }
        }
        return objects;
    }

    private static List<String> columns(Connection connection) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA table_xinfo(raw_logs)")) {
            while (rows.next()) {
                columns.add(rows.getString("name"));
            }
        }
        return columns;
    }

    private static @Nullable Kind kindOfFirstRow(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery(
                                "SELECT CASE WHEN json_valid(json)"
                                        + " THEN json_extract(json, '$.filter') END"
                                        + " FROM raw_logs LIMIT 1")) {
            String filter = rows.next() ? rows.getString(1) : null;
            for (Kind kind : Kind.values()) {
                if (kind.eventName().equals(filter)) {
                    return kind;
                }
            }
            return null;
        }
    }

    private static @Nullable Kind recordedKind(Connection connection) throws SQLException {
        String value = meta(connection, KIND_KEY);
        for (Kind kind : Kind.values()) {
            if (kind.name().equalsIgnoreCase(value)) {
                return kind;
            }
        }
        return null;
    }

    private static @Nullable ContractRun recordedRun(Connection connection) throws SQLException {
        String value = meta(connection, RUN_KEY);
        return value == null ? null : ContractRun.of(value);
    }

    private static @Nullable String meta(Connection connection, String key) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery(
                                "SELECT value FROM banq_meta WHERE key = '" + key + "'")) {
            return rows.next() ? rows.getString(1) : null;
        }
    }
}
