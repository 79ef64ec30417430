package com.xpowerbanq.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SchemaViewsTest {

    static final List<String> LOG_COLUMNS =
            List.of(
                    "log_type",
                    "log_address",
                    "log_block_hash",
                    "log_block_number",
                    "log_data",
                    "log_index",
                    "log_removed",
                    "log_topics_json",
                    "log_tx_hash",
                    "log_tx_index",
                    "json");
    static final List<String> RIW_COLUMNS =
            concat(
                    List.of(
                            "id",
                            "filter",
                            "mode",
                            "symbol",
                            "token",
                            "index_e27",
                            "index_ray",
                            "util_e18",
                            "util_wad",
                            "stamp_iso",
                            "stamp"));
    static final List<String> RTW_COLUMNS =
            concat(
                    List.of(
                            "id",
                            "filter",
                            "source_symbol",
                            "source_token",
                            "target_symbol",
                            "target_token",
                            "quote_bid_e18",
                            "quote_bid",
                            "quote_ask_e18",
                            "quote_ask",
                            "quote_time_iso",
                            "quote_time"));

    @TempDir Path dir;

    private static List<String> concat(List<String> head) {
        return Stream.concat(head.stream(), LOG_COLUMNS.stream()).toList();
    }

    static List<String> viewColumns(Kind kind) {
        return kind == Kind.RI ? RIW_COLUMNS : RTW_COLUMNS;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void freshDatabaseAnswersTheDesignColumns(Kind kind) throws Exception {
        List<Event> events = Db.events(5, 1);
        try (Connection db = SeriesDatabase.openWriter(dir.resolve("fresh.db"), kind)) {
            Db.insert(db, events.stream().map(e -> e.json(kind)).toList());

            assertThat(Db.columns(db, kind.viewName())).isEqualTo(viewColumns(kind));
            List<Map<String, Object>> rows =
                    Db.query(
                            db,
                            "SELECT * FROM "
                                    + kind.viewName()
                                    + " ORDER BY log_block_number, log_index");
            assertThat(rows).hasSize(5);
            Event first = events.getFirst();
            Map<String, Object> row = rows.getFirst();
            assertThat(row.get("id")).isEqualTo(first.id());
            assertThat(row.get("filter")).isEqualTo(kind.eventName());
            assertThat(row.get("log_block_number")).isEqualTo((int) first.block());
            assertThat(row.get("log_index")).isEqualTo(first.index());
            assertThat(row.get("log_removed")).isEqualTo(0);
            assertThat(row.get("log_type")).isEqualTo("log");
            assertThat(row.get("json")).isEqualTo(first.json(kind));
            if (kind == Kind.RI) {
                assertThat(row.get("util_wad")).isEqualTo(first.a() + "n");
                assertThat((Double) row.get("util_e18"))
                        .isCloseTo(first.value(kind), within(1e-15));
                assertThat(row.get("stamp")).isEqualTo(first.time() + "n");
                assertThat(row.get("stamp_iso")).isEqualTo(iso(first.time()));
                assertThat(row.get("index_ray"))
                        .isEqualTo(
                                java.math.BigInteger.TEN
                                                .pow(27)
                                                .add(java.math.BigInteger.valueOf(first.block()))
                                        + "n");
                assertThat((Double) row.get("index_e27")).isCloseTo(1.0, within(1e-12));
            } else {
                assertThat(row.get("quote_bid")).isEqualTo(first.a() + "n");
                assertThat(row.get("quote_ask")).isEqualTo(first.b() + "n");
                assertThat(row.get("quote_time")).isEqualTo(first.time() + "n");
                assertThat(row.get("quote_time_iso")).isEqualTo(iso(first.time()));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void migratedLegacyDatabaseAnswersWhatTheOriginalViewAnswered(Kind kind) throws Exception {
        Path file = dir.resolve("legacy.db");
        List<Event> events = Db.legacyOf(file, kind, 40, 2);
        List<Map<String, Object>> before;
        try (Connection original = Db.plain(file)) {
            assertThat(SeriesDatabase.inspect(original)).isEqualTo(SchemaState.LEGACY);
            before = Db.query(original, "SELECT * FROM " + kind.viewName() + " ORDER BY id");
        }

        try (Connection db = SeriesDatabase.openWriter(file, kind)) {
            assertThat(SeriesDatabase.inspect(db)).isEqualTo(SchemaState.CURRENT);
            assertThat(Db.columns(db, kind.viewName())).isEqualTo(viewColumns(kind));
            assertThat(Db.query(db, "SELECT * FROM " + kind.viewName() + " ORDER BY id"))
                    .isEqualTo(before);
            Db.assertRollup(Rollups.read(db), Rollups.expected(events, kind));
        }
    }

    @ParameterizedTest
    @EnumSource(ContractRun.class)
    void originalCliQuoteRowsReadByTheRunOfTheirDatabase(ContractRun run) throws Exception {
        // given: rows under quote_mid/quote_rel/quote_utc, as the original CLI wrote every run
        Path file = dir.resolve("rt.db");
        List<Event> legacyEvents = Db.events(20, 3);
        Db.legacy(file, Kind.RT, legacyEvents.stream().map(Event::legacyRtJson).toList());

        // when: migrated by a writer of that run
        try (Connection db = SeriesDatabase.openWriter(file, Kind.RT, run)) {
            Event first = legacyEvents.getFirst();
            Map<String, Object> row =
                    Db.query(db, "SELECT * FROM rtw_view WHERE id = '" + first.id() + "'")
                            .getFirst();
            Map<String, Object> typed =
                    Db.query(
                                    db,
                                    "SELECT ev_time, ev_value FROM raw_logs WHERE id = '"
                                            + first.id()
                                            + "'")
                            .getFirst();

            // then: v10a's three words are Quote{bid, ask, time}; a packed run's mid is quote_mid
            BigInteger ask = run.packed() ? first.a() : first.b();
            assertThat(row.get("quote_bid")).isEqualTo(first.a() + "n");
            assertThat(row.get("quote_ask")).isEqualTo(ask + "n");
            assertThat(row.get("quote_time")).isEqualTo(first.time() + "n");
            assertThat(row.get("quote_time_iso")).isEqualTo(iso(first.time()));
            assertThat(((Number) typed.get("ev_time")).longValue()).isEqualTo(first.time());
            if (run.packed()) {
                assertThat(row.get("quote_bid_e18")).isEqualTo(row.get("quote_ask_e18"));
            } else {
                assertThat(row.get("quote_bid_e18")).isNotEqualTo(row.get("quote_ask_e18"));
            }
            List<Event> asRead =
                    legacyEvents.stream()
                            .map(
                                    e ->
                                            new Event(
                                                    e.id(),
                                                    e.block(),
                                                    e.index(),
                                                    e.time(),
                                                    e.a(),
                                                    run.packed() ? e.a() : e.b()))
                            .toList();
            assertThat((Double) typed.get("ev_value"))
                    .isCloseTo(asRead.getFirst().value(Kind.RT), within(1e-15));
            Db.assertRollup(Rollups.read(db), Rollups.expected(asRead, Kind.RT));
        }
    }

    static String iso(long seconds) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .format(
                        java.time.LocalDateTime.ofEpochSecond(
                                seconds, 0, java.time.ZoneOffset.UTC));
    }
}
