package com.xpowerbanq.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DailyRollupTest {

    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void rollupEqualsTheDailyAggregatesOfTheRowsAfterInsertsReplaysAndDeletes(Kind kind)
            throws Exception {
        List<Event> events = Db.events(300, 7);
        try (Connection db = SeriesDatabase.openWriter(dir.resolve("series.db"), kind)) {
            // when: inserted out of order, in chunks of 16
            List<Event> shuffled = new ArrayList<>(events);
            java.util.Collections.shuffle(shuffled, new java.util.Random(7));
            Db.insert(db, shuffled.stream().map(e -> e.json(kind)).toList());
            // then
            Db.assertRollup(Rollups.read(db), Rollups.expected(events, kind));

            // when: a chunk replayed, and the same events again under other ids
            Db.insert(db, events.subList(0, 40).stream().map(e -> e.json(kind)).toList());
            Db.insert(
                    db,
                    events.subList(20, 60).stream().map(e -> e.withNewId().json(kind)).toList());
            // then: nothing counted twice
            assertThat(Db.scalar(db, "SELECT count(*) FROM raw_logs")).isEqualTo(300);
            Db.assertRollup(Rollups.read(db), Rollups.expected(events, kind));

            // when: every third event deleted, and each day's first event
            List<Event> kept = new ArrayList<>(events);
            try (PreparedStatement delete =
                    db.prepareStatement("DELETE FROM raw_logs WHERE id = ?")) {
                for (int i = 0; i < events.size(); i += 3) {
                    delete.setString(1, events.get(i).id());
                    assertThat(delete.executeUpdate()).isEqualTo(1);
                    kept.remove(events.get(i));
                }
            }
            try (Statement statement = db.createStatement()) {
                statement.executeUpdate(
                        "DELETE FROM raw_logs WHERE rowid IN (SELECT r.rowid FROM raw_logs r"
                                + " JOIN daily_rollup d ON r.ev_time = d.open_time"
                                + " AND r.ev_block = d.open_block AND r.ev_index = d.open_index)");
            }
            List<String> left =
                    Db.query(db, "SELECT id FROM raw_logs").stream()
                            .map(row -> (String) row.get("id"))
                            .toList();
            kept.removeIf(e -> !left.contains(e.id()));
            // then
            Db.assertRollup(Rollups.read(db), Rollups.expected(kept, kind));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void insertOrReplaceOfTheOriginalWritersCountsOnce(Kind kind) throws Exception {
        List<Event> events = Db.events(50, 11);
        try (Connection db = SeriesDatabase.openWriter(dir.resolve("series.db"), kind)) {
            try (PreparedStatement insert = db.prepareStatement(Db.ORIGINAL_INSERT)) {
                for (int round = 0; round < 2; round++) {
                    for (Event e : events) {
                        insert.setString(1, e.id());
                        insert.setString(2, e.json(kind));
                        insert.executeUpdate();
                    }
                }
            }
            Db.assertRollup(Rollups.read(db), Rollups.expected(events, kind));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void rowsCannotBeUpdatedBehindTheRollupsBack(Kind kind) throws Exception {
        try (Connection db = SeriesDatabase.openWriter(dir.resolve("series.db"), kind)) {
            Event event = Db.events(1, 5).getFirst();
            Db.insert(db, List.of(event.json(kind)));

            assertThatThrownBy(
                            () -> {
                                try (Statement statement = db.createStatement()) {
                                    statement.executeUpdate("UPDATE raw_logs SET json = json");
                                }
                            })
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("raw_logs rows are immutable");
        }
    }
}
