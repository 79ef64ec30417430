package com.xpowerbanq.batch.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.xpowerbanq.batch.cli.CommandLine;
import com.xpowerbanq.batch.cli.Console;
import com.xpowerbanq.batch.launch.JobNames;
import com.xpowerbanq.batch.launch.JobRunner;
import com.xpowerbanq.devnet.Devnet;
import com.xpowerbanq.devnet.DevnetOptions;
import com.xpowerbanq.schema.Catalogue;
import com.xpowerbanq.schema.Kind;
import com.xpowerbanq.schema.LegacySchema;
import com.xpowerbanq.schema.Series;
import com.xpowerbanq.schema.SeriesDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Switching over from the original on a devnet of three days: its databases (one legacy) and its
 * JSON lines, imported through stdin, then our index jobs continue from the last imported block;
 * every event the chain emitted is there exactly once, and imported lines read as indexed ones.
 */
class SwitchOverIT {
    private static final Series RI = Catalogue.parse("APOW:supply:P000");
    private static final Series RT = Catalogue.parse("XPOW_APOW:T000");
    private static final Pattern CONTINUE_FROM = Pattern.compile(" from=(\\d+)");
    private static final Pattern ID = Pattern.compile("^\\{\"id\":\"[0-9a-f-]{36}\"");

    private static Devnet devnet;
    private static ChainTruth truth;

    @TempDir Path dir;

    @BeforeAll
    static void startDevnet() {
        devnet = Devnet.start(DevnetOptions.defaults().withDays(3));
        truth = new ChainTruth(devnet);
    }

    @AfterAll
    static void stopDevnet() {
        if (devnet != null) {
            devnet.close();
        }
    }

    private static ConfigurableApplicationContext app(Path state) {
        return CommandLine.start(
                "--state-dir=" + state,
                "--banq.chain.provider-url=" + devnet.rpcUrl(),
                "--banq.chain.contracts-file=" + devnet.registryFile());
    }

    private static void index(Path state, Map<Series, String> fromBySeries, String to) {
        try (var app = app(state)) {
            for (var entry : fromBySeries.entrySet()) {
                Series series = entry.getKey();
                String job =
                        series.kind() == Kind.RI ? JobNames.REINDEX_WATCH : JobNames.RETWAP_WATCH;
                JobExecution run =
                        app.getBean(JobRunner.class)
                                .run(
                                        job,
                                        Map.of(
                                                "series",
                                                series.toString(),
                                                "from",
                                                entry.getValue(),
                                                "to",
                                                to));
                assertThat(run.getStatus())
                        .as("%s of %s", job, series)
                        .isEqualTo(BatchStatus.COMPLETED);
            }
        }
    }

    private static String export(Path state, Series series) {
        Console exported = Console.run("", "--state-dir=" + state, "export", series.apiName());
        assertThat(exported.code()).as(exported.err()).isZero();
        return exported.out();
    }

    private static Console importLines(Path state, Series series, String lines) {
        Console imported = Console.run(lines, "--state-dir=" + state, "import", series.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        return imported;
    }

    /** The lines as the original wrote them: its ids came from the whole ethers log object. */
    private static String withOriginalIds(String lines) {
        return lines.lines()
                .map(
                        line -> {
                            Matcher id = ID.matcher(line);
                            assertThat(id.find()).as("id of %s", line).isTrue();
                            return id.replaceFirst(
                                    Matcher.quoteReplacement(
                                            "{\"id\":\"" + UUID.randomUUID() + "\""));
                        })
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static List<List<String>> rows(Path file, String sql, String... skipped) {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(SeriesDatabase.readOnlyUrl(file));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData columns = rs.getMetaData();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    if (!List.of(skipped).contains(columns.getColumnName(i))) {
                        row.add(columns.getColumnName(i) + "=" + rs.getString(i));
                    }
                }
                rows.add(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot query " + file + ": " + sql, e);
        }
        return rows;
    }

    /** (block, log index) of every row, in that order, duplicates kept. */
    private static List<List<String>> positions(Path file) {
        return rows(file, "SELECT ev_block, ev_index FROM raw_logs ORDER BY ev_block, ev_index");
    }

    private static List<List<String>> chainPositions(Series series) {
        return truth.events(series).stream()
                .map(e -> List.of("ev_block=" + e.block(), "ev_index=" + e.index()))
                .toList();
    }

    @Test
    void switchingOverImportsTheOriginalsLinesAndContinuesWithEveryEventExactlyOnce()
            throws Exception {
        // given: the original stopped at a block in the middle of the chain's events
        List<ChainTruth.Event> events = truth.events(RI);
        long stop = events.get(events.size() / 2).block();
        Path original = dir.resolve("original");
        index(original, Map.of(RI, "deploy", RT, "deploy"), Long.toString(stop));
        assertThat(events).anyMatch(e -> e.block() > stop);
        // the RI series' database is one the original wrote (legacy schema), the RT one is new
        Path ours = dir.resolve("ours");
        Files.createDirectories(ours);
        try (Connection c =
                DriverManager.getConnection("jdbc:sqlite:" + ours.resolve(RI.stateFile()))) {
            LegacySchema.create(c, Kind.RI);
        }

        // when: its lines imported (twice, as a pipeline run again would) and our jobs continue
        Map<Series, String> continueFrom = new LinkedHashMap<>();
        for (Series series : List.of(RI, RT)) {
            String lines = withOriginalIds(export(original, series));
            Console imported = importLines(ours, series, lines);
            Console again = importLines(ours, series, lines);
            assertThat(again.out()).contains("inserted 0");
            Matcher from = CONTINUE_FROM.matcher(imported.out());
            assertThat(from.find()).as(imported.out()).isTrue();
            continueFrom.put(series, from.group(1));
        }
        index(ours, continueFrom, "finalized");

        // then: each series holds each event of the chain once
        for (Series series : List.of(RI, RT)) {
            Path file = ours.resolve(series.stateFile());
            assertThat(chainPositions(series)).as("events of %s", series).isNotEmpty();
            assertThat(positions(file)).as("rows of %s", series).isEqualTo(chainPositions(series));
            assertThat(ChainTruth.count(file, "SELECT sum(n) FROM daily_rollup"))
                    .isEqualTo(chainPositions(series).size());
        }
    }

    @Test
    void importedLinesReadAsIndexedEventsAndExportThenImportRoundTripsByteForByte() {
        // given: both series indexed from deployment, and their lines under the original's ids
        Path indexed = dir.resolve("indexed");
        index(indexed, Map.of(RI, "deploy", RT, "deploy"), "finalized");
        Path imported = dir.resolve("imported");
        Path copy = dir.resolve("copy");

        for (Series series : List.of(RI, RT)) {
            String lines = export(indexed, series);

            // when
            importLines(imported, series, withOriginalIds(lines));
            importLines(copy, series, lines);

            // then: the views and the daily rollup answer the same; the copy is the same bytes
            Path a = indexed.resolve(series.stateFile());
            Path b = imported.resolve(series.stateFile());
            String view =
                    "SELECT * FROM "
                            + series.kind().viewName()
                            + " ORDER BY log_block_number, log_index";
            assertThat(rows(b, view, "id", "json"))
                    .as("%s of %s", series.kind().viewName(), series)
                    .isNotEmpty()
                    .isEqualTo(rows(a, view, "id", "json"));
            String rollup = "SELECT * FROM daily_rollup ORDER BY day";
            assertThat(rows(b, rollup)).isNotEmpty().isEqualTo(rows(a, rollup));
            assertThat(export(copy, series)).isEqualTo(lines);
            String json = "SELECT id, json FROM raw_logs ORDER BY id";
            assertThat(rows(copy.resolve(series.stateFile()), json)).isEqualTo(rows(a, json));
        }
    }
}
