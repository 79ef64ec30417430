package com.xpowerbanq.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LegacyMigrationTest {

    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void eventsHeldTwiceUnderDifferentIdsAreReducedToOneAndCounted(Kind kind) throws Exception {
        Path file = dir.resolve("legacy.db");
        List<Event> events = Db.events(60, 21);
        List<String> rows = new ArrayList<>(events.stream().map(e -> e.json(kind)).toList());
        events.subList(10, 15).forEach(e -> rows.add(e.withNewId().json(kind)));
        Db.legacy(file, kind, rows);

        try (Connection db = Db.plain(file)) {
            Migration migration = SeriesDatabase.migrate(db, kind);

            assertThat(migration.from()).isEqualTo(SchemaState.LEGACY);
            assertThat(migration.changed()).isTrue();
            assertThat(migration.version()).isEqualTo(SeriesDatabase.SCHEMA_VERSION);
            assertThat(migration.duplicatesRemoved()).isEqualTo(5);
            assertThat(migration.rows()).isEqualTo(60);
            // the row written first is the one kept
            assertThat(
                            Db.query(db, "SELECT id FROM raw_logs ORDER BY rowid").stream()
                                    .map(r -> r.get("id")))
                    .containsExactlyElementsOf(events.stream().map(Event::id).toList());
            Db.assertRollup(Rollups.read(db), Rollups.expected(events, kind));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void migratingTwiceChangesNothingTheSecondTime(Kind kind) throws Exception {
        Path file = dir.resolve("legacy.db");
        List<Event> events = Db.legacyOf(file, kind, 30, 22);
        try (Connection db = SeriesDatabase.openWriter(file, kind)) {
            assertThat(SeriesDatabase.inspect(db)).isEqualTo(SchemaState.CURRENT);
        }
        List<Map<String, Object>> schema;
        try (Connection db = Db.plain(file)) {
            schema = schemaOf(db);
        }

        try (Connection db = SeriesDatabase.openWriter(file, kind)) {
            Migration again = SeriesDatabase.migrate(db, kind);

            assertThat(again.changed()).isFalse();
            assertThat(again.duplicatesRemoved()).isZero();
            assertThat(again.rows()).isEqualTo(30);
            assertThat(schemaOf(db)).isEqualTo(schema);
            assertThat(Db.scalar(db, "PRAGMA user_version"))
                    .isEqualTo(SeriesDatabase.SCHEMA_VERSION);
            Db.assertRollup(Rollups.read(db), Rollups.expected(events, kind));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aMigratedDatabaseTakesNewRowsAndRefusesEventsItAlreadyHolds(Kind kind) throws Exception {
        Path file = dir.resolve("legacy.db");
        List<Event> events = Db.events(40, 23);
        Db.legacyOf(file, kind, events.subList(0, 20));

        try (Connection db = SeriesDatabase.openWriter(file, kind)) {
            // the writer's ids differ from the original's: identity is (block, log index)
            Db.insert(db, events.stream().map(e -> e.withNewId().json(kind)).toList());

            assertThat(Db.scalar(db, "SELECT count(*) FROM raw_logs")).isEqualTo(40);
            Db.assertRollup(Rollups.read(db), Rollups.expected(events, kind));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aLegacyDatabaseOfTheOtherKindIsRefusedUnchanged(Kind kind) throws Exception {
        Kind other = kind == Kind.RI ? Kind.RT : Kind.RI;
        Path file = dir.resolve("other.db");
        Db.legacy(file, other, List.of());
        byte[] before = java.nio.file.Files.readAllBytes(file);

        assertThatThrownBy(() -> SeriesDatabase.openWriter(file, kind))
                .isInstanceOf(SeriesDatabaseException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("holds " + other + " series data");
        assertThat(java.nio.file.Files.readAllBytes(file)).isEqualTo(before);
    }

    private static List<Map<String, Object>> schemaOf(Connection db) throws SQLException {
        return Db.query(db, "SELECT type, name, sql FROM sqlite_schema ORDER BY name");
    }
}
