package com.xpowerbanq.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SeriesDatabaseTest {

    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void writerCreatesTheCurrentSchemaWithItsPragmas(Kind kind) throws Exception {
        Path file = dir.resolve(Catalogue.of(kind).getFirst().stateFile());

        try (Connection db = SeriesDatabase.openWriter(file, kind)) {
            assertThat(file).exists();
            assertThat(SeriesDatabase.inspect(db)).isEqualTo(SchemaState.CURRENT);
            assertThat(Db.scalar(db, "PRAGMA journal_mode")).isEqualTo("wal");
            assertThat(Db.scalar(db, "PRAGMA synchronous")).isEqualTo(1);
            assertThat(Db.scalar(db, "PRAGMA busy_timeout"))
                    .isEqualTo(SeriesDatabase.BUSY_TIMEOUT_MILLIS);
            assertThat(Db.scalar(db, "PRAGMA user_version"))
                    .isEqualTo(SeriesDatabase.SCHEMA_VERSION);
            assertThat(Db.scalar(db, "PRAGMA recursive_triggers")).isEqualTo(1);
            assertThat(Db.scalar(db, "PRAGMA wal_autocheckpoint"))
                    .isEqualTo(SeriesDatabase.WAL_AUTOCHECKPOINT_PAGES);
            assertThat(((Number) Db.scalar(db, "PRAGMA journal_size_limit")).longValue())
                    .isEqualTo(SeriesDatabase.JOURNAL_SIZE_LIMIT_BYTES);
            assertThat(Db.columns(db, "raw_logs"))
                    .containsExactly("id", "json", "ev_block", "ev_index", "ev_time", "ev_value");
            assertThat(Db.columns(db, "daily_rollup"))
                    .containsExactly(
                            "day",
                            "n",
                            "total",
                            "high",
                            "low",
                            "open",
                            "open_time",
                            "open_block",
                            "open_index",
                            "close",
                            "close_time",
                            "close_block",
                            "close_index");
            assertThat(Db.columns(db, "banq_meta")).containsExactly("key", "value");
            assertThat(Db.scalar(db, "SELECT value FROM banq_meta WHERE key = 'schema.kind'"))
                    .isEqualTo(kind.name().toLowerCase());
        }
    }

    @Test
    void inspectTellsEmptyLegacyCurrentAndForeignApart() throws Exception {
        try (Connection empty = Db.plain(dir.resolve("empty.db"))) {
            assertThat(SeriesDatabase.inspect(empty)).isEqualTo(SchemaState.EMPTY);
        }
        Db.legacy(dir.resolve("legacy.db"), Kind.RI, List.of());
        try (Connection legacy = Db.plain(dir.resolve("legacy.db"))) {
            assertThat(SeriesDatabase.inspect(legacy)).isEqualTo(SchemaState.LEGACY);
        }
        try (Connection foreign = Db.plain(dir.resolve("foreign.db"));
                Statement statement = foreign.createStatement()) {
            statement.execute("CREATE TABLE users(name TEXT)");
            assertThat(SeriesDatabase.inspect(foreign)).isEqualTo(SchemaState.FOREIGN);
        }
        SeriesDatabase.openWriter(dir.resolve("newer.db"), Kind.RT).close();
        try (Connection newer = Db.plain(dir.resolve("newer.db"));
                Statement statement = newer.createStatement()) {
            statement.execute("PRAGMA user_version = " + (SeriesDatabase.SCHEMA_VERSION + 1));
            assertThat(SeriesDatabase.inspect(newer)).isEqualTo(SchemaState.FOREIGN);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void kindOfTellsTheSeriesKindOfCurrentAndLegacyDatabases(Kind kind) throws Exception {
        SeriesDatabase.openWriter(dir.resolve("current.db"), kind).close();
        Db.legacy(dir.resolve("legacy.db"), kind, List.of());
        try (Connection current = Db.plain(dir.resolve("current.db"));
                Connection legacy = Db.plain(dir.resolve("legacy.db"));
                Connection empty = Db.plain(dir.resolve("empty.db"))) {
            assertThat(SeriesDatabase.kindOf(current)).isEqualTo(kind);
            assertThat(SeriesDatabase.kindOf(legacy)).isEqualTo(kind);
            assertThat(SeriesDatabase.kindOf(empty)).isNull();
        }
    }

    @Test
    void anotherApplicationsDatabaseIsRefusedNamingTheFileAndLeftUnchanged() throws Exception {
        Path file = dir.resolve("app.db");
        try (Connection foreign = Db.plain(file);
                Statement statement = foreign.createStatement()) {
            statement.execute("CREATE TABLE users(name TEXT)");
        }
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> SeriesDatabase.openWriter(file, Kind.RI))
                .isInstanceOf(SeriesDatabaseException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("is not a series database: no raw_logs table")
                .hasMessageContaining("nothing was changed");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(dir.resolve("app.db-wal")).doesNotExist();
    }

    @Test
    void aFileThatIsNotSqliteIsRefusedNamingTheFileAndLeftUnchanged() throws Exception {
        Path file = dir.resolve("ri-APOW:supply:P000.db");
        byte[] garbage = "this is not a database, it is a text file\n".repeat(200).getBytes();
        Files.write(file, garbage);

        assertThatThrownBy(() -> SeriesDatabase.openWriter(file, Kind.RI))
                .isInstanceOf(SeriesDatabaseException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("is not a readable SQLite database");
        assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
    }

    @Test
    void aMissingDirectoryIsReportedWithTheFile() {
        Path file = dir.resolve("no/such/dir/ri.db");

        assertThatThrownBy(() -> SeriesDatabase.openWriter(file, Kind.RI))
                .isInstanceOf(SeriesDatabaseException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void truncateWalEmptiesTheWalUnlessAReaderStillUsesIt() throws Exception {
        Path file = dir.resolve("rt-XPOW_APOW:T000.db");
        Path wal = dir.resolve("rt-XPOW_APOW:T000.db-wal");
        List<String> rows = Db.events(210, 3).stream().map(e -> e.json(Kind.RT)).toList();
        try (Connection writer = SeriesDatabase.openWriter(file, Kind.RT)) {
            Db.insert(writer, rows.subList(0, 200));
            assertThat(Files.size(wal)).isPositive();

            try (Connection reader =
                    DriverManager.getConnection(SeriesDatabase.readOnlyUrl(file))) {
                reader.setAutoCommit(false);
                assertThat(Db.scalar(reader, "SELECT count(*) FROM raw_logs")).isEqualTo(200);
                // the reader's snapshot pins the WAL: nothing waits, nothing is lost
                Db.insert(writer, rows.subList(200, 210));
                assertThat(SeriesDatabase.truncateWal(writer)).isFalse();
                reader.commit();
            }

            writer.setAutoCommit(false);
            assertThat(SeriesDatabase.truncateWal(writer)).isTrue();
            assertThat(writer.getAutoCommit()).isTrue();
            assertThat(Files.size(wal)).isZero();
            assertThat(Db.scalar(writer, "SELECT count(*) FROM raw_logs")).isEqualTo(210);
            assertThat(Db.scalar(writer, "SELECT sum(n) FROM daily_rollup")).isEqualTo(210);
            assertThat(Db.scalar(writer, "PRAGMA busy_timeout"))
                    .isEqualTo(SeriesDatabase.BUSY_TIMEOUT_MILLIS);
        }
    }

    @Test
    void readOnlyUrlReadsButNeverWritesNorCreates() throws Exception {
        Path file = dir.resolve("with space%/rt-XPOW_APOW:T000.db");
        Files.createDirectories(file.getParent());
        try (Connection writer = SeriesDatabase.openWriter(file, Kind.RT)) {
            Db.insert(writer, List.of(Db.events(1, 9).getFirst().json(Kind.RT)));
        }

        String url = SeriesDatabase.readOnlyUrl(file);
        assertThat(url).startsWith("jdbc:sqlite:file:/").endsWith("?mode=ro").contains("%20");
        try (Connection reader = DriverManager.getConnection(url)) {
            assertThat(Db.scalar(reader, "SELECT count(*) FROM rtw_view")).isEqualTo(1);
            assertThatThrownBy(
                            () -> {
                                try (Statement statement = reader.createStatement()) {
                                    statement.executeUpdate("DELETE FROM raw_logs");
                                }
                            })
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("readonly");
        }
        Path missing = dir.resolve("missing.db");
        assertThatThrownBy(
                        () ->
                                DriverManager.getConnection(SeriesDatabase.readOnlyUrl(missing))
                                        .close())
                .isInstanceOf(SQLException.class);
        assertThat(missing).doesNotExist();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void rangeAndBlockQueriesUseTheTypedIndexes(Kind kind) throws Exception {
        Path file = dir.resolve("legacy.db");
        Db.legacyOf(file, kind, Db.events(10, 4));

        try (Connection db = SeriesDatabase.openWriter(file, kind)) {
            assertThat(
                            plan(
                                    db,
                                    "SELECT ev_time, ev_value FROM raw_logs WHERE ev_time BETWEEN 1 AND 2"))
                    .contains("INDEX ix_raw_logs_time");
            assertThat(plan(db, "SELECT * FROM " + kind.viewName() + " WHERE log_block_number > 5"))
                    .contains("INDEX ux_raw_logs_event");
            assertThat(Db.scalar(db, "SELECT count(*) FROM sqlite_schema WHERE name LIKE 'idx_%'"))
                    .as("the original's expression indexes, superseded by the typed ones")
                    .isEqualTo(0);
        }
    }

    private static String plan(Connection db, String sql) throws SQLException {
        return Db.query(db, "EXPLAIN QUERY PLAN " + sql).toString();
    }
}
