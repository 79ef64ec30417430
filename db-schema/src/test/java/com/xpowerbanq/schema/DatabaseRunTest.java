package com.xpowerbanq.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each series database records the contract run of its events when first written, and keeps it. */
class DatabaseRunTest {
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(ContractRun.class)
    void aNewDatabaseRecordsTheRunOfItsFirstWriter(ContractRun run) throws Exception {
        // given
        Path file = dir.resolve("rt-XPOW_APOW:T000.db");

        // when
        SeriesDatabase.openWriter(file, Kind.RT, run).close();

        // then
        try (Connection db = Db.plain(file)) {
            assertThat(SeriesDatabase.runOf(db)).isEqualTo(run);
            assertThat(Db.scalar(db, "SELECT value FROM banq_meta WHERE key = 'schema.run'"))
                    .isEqualTo(run.id());
        }
        SeriesDatabase.openWriter(file, Kind.RT, run).close();
    }

    @Test
    void writingAnotherRunsEventsIsRefusedNamingFileAndBothRunsAndChangesNothing()
            throws Exception {
        // given: a v10a database with rows
        Path file = dir.resolve("ri-APOW:supply:P000.db");
        List<Event> events = Db.events(10, 1);
        try (Connection db = SeriesDatabase.openWriter(file, Kind.RI, ContractRun.V10A)) {
            Db.insert(db, events.stream().map(e -> e.json(Kind.RI)).toList());
            SeriesDatabase.truncateWal(db);
        }
        byte[] before = Files.readAllBytes(file);

        // then
        assertThatThrownBy(() -> SeriesDatabase.openWriter(file, Kind.RI, ContractRun.V10B))
                .isInstanceOf(SeriesDatabaseException.class)
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("contract run v10a")
                .hasMessageContaining("contract run v10b")
                .hasMessageContaining("nothing was changed");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (Connection db = Db.plain(file)) {
            assertThat(Db.scalar(db, "SELECT count(*) FROM raw_logs")).isEqualTo(10);
            assertThat(SeriesDatabase.runOf(db)).isEqualTo(ContractRun.V10A);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aLegacyDatabaseTakesTheRunItIsMigratedUnder(Kind kind) throws Exception {
        // given: the original's database, which knows no run
        Path file = dir.resolve("legacy.db");
        Db.legacyOf(file, kind, 5, 2);
        try (Connection original = Db.plain(file)) {
            assertThat(SeriesDatabase.runOf(original)).isNull();
        }

        // when: migrated by a writer configured with CONTRACT_RUN=v10c
        SeriesDatabase.openWriter(file, kind, ContractRun.V10C).close();

        // then
        try (Connection db = Db.plain(file)) {
            assertThat(SeriesDatabase.runOf(db)).isEqualTo(ContractRun.V10C);
            assertThat(SeriesDatabase.inspect(db)).isEqualTo(SchemaState.CURRENT);
        }
    }

    @Test
    void aSchemaOneDatabaseIsUpgradedAndItsLegacyV10aQuotesReadWithTheirSpread() throws Exception {
        // given: a schema-1 database, which read quote_mid rows as bid = ask = quote_mid (the
        // reading a packed run keeps) and recorded no run
        Path file = dir.resolve("rt.db");
        List<Event> events = Db.events(30, 4);
        Db.legacy(file, Kind.RT, events.stream().map(Event::legacyRtJson).toList());
        SeriesDatabase.openWriter(file, Kind.RT, ContractRun.V10B).close();
        try (Connection db = Db.plain(file);
                Statement statement = db.createStatement()) {
            statement.execute("DELETE FROM banq_meta WHERE key = 'schema.run'");
            statement.execute("PRAGMA user_version = 1");
            assertThat(SeriesDatabase.inspect(db)).isEqualTo(SchemaState.CURRENT);
        }

        // when: a v10a writer opens it
        try (Connection db = SeriesDatabase.openWriter(file, Kind.RT, ContractRun.V10A)) {

            // then: bid = quote_mid, ask = quote_rel, in the view and in the daily rollup
            assertThat(Db.scalar(db, "PRAGMA user_version"))
                    .isEqualTo(SeriesDatabase.SCHEMA_VERSION);
            assertThat(SeriesDatabase.runOf(db)).isEqualTo(ContractRun.V10A);
            assertThat(
                            Db.scalar(
                                    db,
                                    "SELECT count(*) FROM rtw_view"
                                            + " WHERE quote_bid_e18 <> quote_ask_e18"))
                    .isEqualTo(30);
            Db.assertRollup(Rollups.read(db), Rollups.expected(events, Kind.RT));
            assertThat(Db.columns(db, "rtw_view")).isEqualTo(SchemaViewsTest.RTW_COLUMNS);
        }
    }

    @Test
    void anUnknownRunIsNamedWithTheRunsThisBuildDecodes() {
        assertThatThrownBy(() -> ContractRun.of("v11a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'v11a'")
                .hasMessageContaining("v10a, v10b, v10c");
        assertThat(ContractRun.of("V10B")).isEqualTo(ContractRun.V10B);
    }
}
