package com.xpowerbanq.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Small JDBC steps the schema tests share: plain connections, inserts, reads. */
final class Db {

    static final String INSERT =
            "INSERT INTO raw_logs(id, json) VALUES (?, ?) ON CONFLICT DO NOTHING";

    /** How the original's rtw2db/riw2db scripts wrote rows. */
    static final String ORIGINAL_INSERT = "INSERT OR REPLACE INTO raw_logs(id, json) VALUES (?, ?)";

    private Db() {}

    static Connection plain(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    /** A database as the original system left it: its DDL, rows written its way. */
    /** {@code count} seeded events, written as a legacy database at {@code file}. */
    static List<Event> legacyOf(Path file, Kind kind, int count, long seed) throws SQLException {
        List<Event> events = events(count, seed);
        legacyOf(file, kind, events);
        return events;
    }

    /** A legacy database of {@code events}, each row in the original's JSON of its kind. */
    static void legacyOf(Path file, Kind kind, List<Event> events) throws SQLException {
        legacy(file, kind, events.stream().map(e -> e.json(kind)).toList());
    }

    static void legacy(Path file, Kind kind, List<String> jsonRows) throws SQLException {
        try (Connection connection = plain(file)) {
            LegacySchema.create(connection, kind);
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(ORIGINAL_INSERT)) {
                for (String json : jsonRows) {
                    insert.setString(1, idOf(json));
                    insert.setString(2, json);
                    insert.executeUpdate();
                }
            }
            connection.commit();
        }
    }

    static String idOf(String json) {
        int start = json.indexOf("\"id\":\"") + 6;
        return json.substring(start, json.indexOf('"', start));
    }

    /** Inserts in chunks of 16 rows per transaction, as the batch writer does. */
    static void insert(Connection connection, List<String> jsonRows) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            int n = 0;
            for (String json : jsonRows) {
                insert.setString(1, idOf(json));
                insert.setString(2, json);
                insert.executeUpdate();
                if (++n % 16 == 0) {
                    connection.commit();
                }
            }
            connection.commit();
        } finally {
            connection.setAutoCommit(true);
        }
    }

    static List<Map<String, Object>> query(Connection connection, String sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            ResultSetMetaData meta = result.getMetaData();
            while (result.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i), result.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    static Object scalar(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            return result.next() ? result.getObject(1) : null;
        }
    }

    static List<String> columns(Connection connection, String table) throws SQLException {
        return query(connection, "PRAGMA table_xinfo(" + table + ")").stream()
                .map(row -> (String) row.get("name"))
                .toList();
    }

    /** Events spread over a few UTC days, several in one block, values in range for the kind. */
    static List<Event> events(int count, long seed) {
        Random random = new Random(seed);
        List<Event> events = new ArrayList<>();
        long block = 60_000_000;
        long time = 1_735_689_600L - 3_600; // an hour before 2025-01-01
        int index = 0;
        for (int i = 0; i < count; i++) {
            int step = random.nextInt(3);
            block += step;
            index = step == 0 ? index + 1 : random.nextInt(3);
            time += random.nextInt(4 * 3_600);
            BigInteger a = new BigInteger(60, random).mod(Event.E18);
            BigInteger b = a.add(BigInteger.valueOf(random.nextInt(1_000_000)));
            events.add(Event.of(block, index, time, a, b));
        }
        return events;
    }

    static void assertRollup(Map<String, Rollups.Day> actual, Map<String, Rollups.Day> expected) {
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach(
                (day, want) -> {
                    Rollups.Day got = actual.get(day);
                    assertThat(got.n()).as("n of %s", day).isEqualTo(want.n());
                    assertClose("total", day, got.total(), want.total(), 1e-9);
                    assertClose("high", day, got.high(), want.high(), 1e-12);
                    assertClose("low", day, got.low(), want.low(), 1e-12);
                    assertClose("open", day, got.open(), want.open(), 1e-12);
                    assertClose("close", day, got.close(), want.close(), 1e-12);
                });
    }

    private static void assertClose(
            String what, String day, double got, double want, double tolerance) {
        assertThat(got).as(what + " of %s", day).isCloseTo(want, within(tolerance));
    }
}
