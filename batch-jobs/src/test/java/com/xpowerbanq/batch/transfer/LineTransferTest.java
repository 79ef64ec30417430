package com.xpowerbanq.batch.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.xpowerbanq.schema.Catalogue;
import com.xpowerbanq.schema.Kind;
import com.xpowerbanq.schema.LegacySchema;
import com.xpowerbanq.schema.SchemaState;
import com.xpowerbanq.schema.Series;
import com.xpowerbanq.schema.SeriesDatabase;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Import and export of the original's JSON lines on real series database files. */
class LineTransferTest {
    private final Series series = Catalogue.parse("APOW:supply:P000");

    @TempDir Path dir;

    private static BufferedReader input(List<String> lines) {
        return new BufferedReader(new StringReader(String.join("\n", lines) + "\n"));
    }

    private static String export(Path file, long from, long to) {
        var out = new StringWriter();
        LineExporter.export(file, from, to, out);
        return out.toString();
    }

    private static List<String> column(Path file, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(SeriesDatabase.readOnlyUrl(file));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    @Test
    void importStoresEachLineAsItsJsonAndSkipsEventsAlreadyPresentWhateverTheirId()
            throws Exception {
        // given: 40 lines of the original's and the same events under other ids
        List<String> lines = OriginalLines.ri(40, "first");
        List<String> sameEventsOtherIds = OriginalLines.ri(40, "second");
        Path file = dir.resolve(series.stateFile());
        var importer = new LineImporter(file, Kind.RI, 16);

        // when
        ImportSummary first = importer.importLines(input(lines));
        ImportSummary again = importer.importLines(input(lines));
        ImportSummary otherIds = importer.importLines(input(sameEventsOtherIds));

        // then
        assertThat(first).isEqualTo(new ImportSummary(40, 40, 0, first.lastBlock()));
        assertThat(first.lastBlock()).hasValue(1019);
        assertThat(again.inserted()).isZero();
        assertThat(again.present()).isEqualTo(40);
        assertThat(otherIds.inserted()).isZero();
        assertThat(column(file, "SELECT json FROM raw_logs ORDER BY ev_block, ev_index"))
                .containsExactlyElementsOf(lines);
        assertThat(column(file, "SELECT sum(n) FROM daily_rollup")).containsExactly("40");
    }

    @Test
    void blankLinesAreSkippedAsTheOriginalDid() {
        List<String> lines = new ArrayList<>(OriginalLines.ri(3, "x"));
        lines.add(1, "");
        lines.add("   ");

        ImportSummary summary =
                new LineImporter(dir.resolve(series.stateFile()), Kind.RI, 16)
                        .importLines(input(lines));

        assertThat(summary.read()).isEqualTo(3);
        assertThat(summary.inserted()).isEqualTo(3);
    }

    @Test
    void aMalformedLineIsNamedAndNothingOfItsBatchIsWrittenWhileEarlierBatchesStay()
            throws Exception {
        // given: line 20 is cut short, in the second batch of 16
        List<String> lines = new ArrayList<>(OriginalLines.ri(40, "x"));
        lines.set(19, lines.get(19).substring(0, 30));
        Path file = dir.resolve(series.stateFile());

        // when / then
        assertThatThrownBy(() -> new LineImporter(file, Kind.RI, 16).importLines(input(lines)))
                .isInstanceOfSatisfying(
                        MalformedLineException.class,
                        e -> {
                            assertThat(e.line()).isEqualTo(20);
                            assertThat(e.exitCode().code).isEqualTo(65);
                        })
                .hasMessageContaining("line 20: not JSON")
                .hasMessageContaining("the 16 rows before it were");
        assertThat(column(file, "SELECT count(*) FROM raw_logs")).containsExactly("16");
    }

    @Test
    void linesOfTheOtherKindOrWithoutTheEventsPositionAreMalformed() {
        Path file = dir.resolve(series.stateFile());
        var importer = new LineImporter(dir.resolve("rt-XPOW_APOW:T000.db"), Kind.RT, 16);
        String ri = OriginalLines.ri(1, "x").getFirst();

        assertThatThrownBy(() -> importer.importLines(input(List.of(ri))))
                .hasMessageContaining("line 1: filter is \"Reindex\"");
        assertThatThrownBy(
                        () ->
                                new LineImporter(file, Kind.RI, 16)
                                        .importLines(
                                                input(
                                                        List.of(
                                                                "{\"id\":\"a\",\"filter\":\"Reindex\",\"log\":{}}"))))
                .hasMessageContaining("line 1: no numeric \"log.blockNumber\"");
        assertThatThrownBy(() -> new LineImporter(file, Kind.RI, 0))
                .hasMessageContaining("batch must be at least 1");
    }

    @Test
    void exportThenImportIntoAnEmptyDatabaseRoundTripsByteForByte() {
        // given: lines imported out of order
        List<String> lines = OriginalLines.ri(37, "x");
        List<String> shuffled = new ArrayList<>(lines);
        Collections.shuffle(shuffled, new Random(7));
        Path first = dir.resolve("a").resolve(series.stateFile());
        Path second = dir.resolve("b").resolve(series.stateFile());
        new LineImporter(first, Kind.RI, 5).importLines(input(shuffled));

        // when
        String exported = export(first, 0, Long.MAX_VALUE);
        new LineImporter(second, Kind.RI, 16)
                .importLines(new BufferedReader(new StringReader(exported)));

        // then: (block, log index) order, each stored json as it is, both ways
        assertThat(exported).isEqualTo(String.join("\n", lines) + "\n");
        assertThat(export(second, 0, Long.MAX_VALUE)).isEqualTo(exported);
    }

    @Test
    void quotesAsTheOriginalCliWroteThemImportReadableAndExportUnchanged() throws Exception {
        // given: v10a Refresh rows under quote_mid/quote_rel/quote_utc
        List<String> lines = OriginalLines.rt(6, "x");
        Path file = dir.resolve("rt-XPOW_APOW:T000.db");

        // when
        ImportSummary summary = new LineImporter(file, Kind.RT, 16).importLines(input(lines));

        // then: the view reads their time, export gives the lines back
        assertThat(summary.inserted()).isEqualTo(6);
        assertThat(
                        column(
                                file,
                                "SELECT quote_time FROM rtw_view ORDER BY log_block_number, log_index"))
                .startsWith("1700000000n", "1700043200n");
        assertThat(column(file, "SELECT sum(n) FROM daily_rollup")).containsExactly("6");
        assertThat(export(file, 0, Long.MAX_VALUE)).isEqualTo(String.join("\n", lines) + "\n");
    }

    @Test
    void exportLimitsTheBlocksBothEndsIncluded() {
        List<String> lines = OriginalLines.ri(10, "x");
        Path file = dir.resolve(series.stateFile());
        new LineImporter(file, Kind.RI, 16).importLines(input(lines));

        assertThat(export(file, 1001, 1003))
                .isEqualTo(String.join("\n", lines.subList(2, 8)) + "\n");
        assertThat(export(file, 2000, 3000)).isEmpty();
    }

    @Test
    void aLegacyDatabaseIsMigratedAndKeepsItsRowsWhenLinesAreImportedIntoIt() throws Exception {
        // given: the original's database holding the first 20 events under its own ids
        Path file = dir.resolve(series.stateFile());
        List<String> lines = OriginalLines.ri(30, "original");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            LegacySchema.create(c, Kind.RI);
            var insert = c.prepareStatement("INSERT INTO raw_logs(id, json) VALUES (?, ?)");
            for (String line : lines.subList(0, 20)) {
                insert.setString(1, line.substring(7, 43));
                insert.setString(2, line);
                insert.executeUpdate();
            }
        }

        // when: all 30 events come again, under other ids
        ImportSummary summary =
                new LineImporter(file, Kind.RI, 16)
                        .importLines(input(OriginalLines.ri(30, "ours")));

        // then: migrated, the legacy rows kept, only the 10 new events added
        assertThat(summary.inserted()).isEqualTo(10);
        assertThat(summary.present()).isEqualTo(20);
        try (Connection c = DriverManager.getConnection(SeriesDatabase.readOnlyUrl(file))) {
            assertThat(SeriesDatabase.inspect(c)).isEqualTo(SchemaState.CURRENT);
        }
        assertThat(column(file, "SELECT json FROM raw_logs ORDER BY ev_block, ev_index"))
                .startsWith(lines.subList(0, 20).toArray(String[]::new));
    }

    @Test
    void exportingASeriesWithoutADatabaseSaysWhereItLooked() {
        Path file = dir.resolve(series.stateFile());

        assertThatThrownBy(() -> export(file, 0, 10))
                .hasMessageContaining("no series database at " + file)
                .isInstanceOfSatisfying(
                        LineExporter.MissingDatabaseException.class,
                        e -> assertThat(e.exitCode().code).isEqualTo(69));
    }
}
