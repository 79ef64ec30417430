package com.xpowerbanq.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.xpowerbanq.schema.Catalogue;
import com.xpowerbanq.schema.Series;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BanqLinkTest {
    @TempDir Path scratch;
    private Path stateDir;
    private Path dbPath;

    @BeforeEach
    void directories() throws IOException {
        stateDir = Files.createDirectories(scratch.resolve("var/lib/banq"));
        dbPath = Files.createDirectories(scratch.resolve("srv/db"));
    }

    @Test
    void linksEverySeriesOfTheCatalogueUnderTheNameTheWebUiAsksFor() throws Exception {
        // given: all 42 databases, their WAL files and the job repository
        Map<String, String> names = seriesNames();
        for (String stateFile : names.keySet()) {
            Files.createFile(stateDir.resolve(stateFile));
            Files.createFile(stateDir.resolve(stateFile + "-wal"));
        }
        Files.createFile(stateDir.resolve("batch-jobs.db"));

        // when
        Command.Result result = link();

        // then
        assertThat(result.ok()).as(result.output()).isTrue();
        assertThat(result.output()).contains("42 series linked", "0 skipped");
        List<String> links = new ArrayList<>();
        try (var entries = Files.list(dbPath)) {
            entries.forEach(entry -> links.add(entry.getFileName().toString()));
        }
        assertThat(links).containsExactlyInAnyOrderElementsOf(names.values());
        for (var series : names.entrySet()) {
            Path link = dbPath.resolve(series.getValue());
            assertThat(Files.isSymbolicLink(link)).isTrue();
            assertThat(Files.readSymbolicLink(link)).isEqualTo(stateDir.resolve(series.getKey()));
        }
    }

    @Test
    void goldenNamesAreTheNamesOfTheSeriesCatalogue() throws Exception {
        Map<String, String> catalogue = new LinkedHashMap<>();
        for (Series series : Catalogue.all()) {
            catalogue.put(series.stateFile(), series.apiName() + ".db");
        }

        assertThat(seriesNames()).containsExactlyInAnyOrderEntriesOf(catalogue);
    }

    @Test
    void secondRunChangesNothingAndNamesOutsideTheCatalogueAreSkipped() throws IOException {
        // given
        for (String file :
                List.of(
                        "ri-APOW:supply:P000.db",
                        "ri-USDC:supply:P000.db",
                        "rt-XPOW_XPOW:T000.db")) {
            Files.createFile(stateDir.resolve(file));
        }
        assertThat(link().ok()).isTrue();

        // when
        Command.Result again = link();

        // then
        assertThat(again.ok()).isTrue();
        assertThat(again.output())
                .doesNotContain("link " + dbPath)
                .contains("skip ri-USDC:supply:P000.db: not a series of the catalogue")
                .contains("skip rt-XPOW_XPOW:T000.db")
                .contains("1 series linked", "2 skipped");
    }

    @Test
    void pruneWithdrawsTheLinksOfDatabasesThatAreGone() throws IOException {
        // given
        Files.createFile(stateDir.resolve("ri-APOW:supply:P000.db"));
        Files.createFile(stateDir.resolve("rt-XPOW_APOW:T000.db"));
        assertThat(link().ok()).isTrue();
        Files.delete(stateDir.resolve("rt-XPOW_APOW:T000.db"));

        // when
        Command.Result result = link("--prune");

        // then
        assertThat(result.ok()).as(result.output()).isTrue();
        assertThat(Files.exists(dbPath.resolve("ri_apow_supply_0.db"))).isTrue();
        assertThat(
                        Files.exists(
                                dbPath.resolve("rt_xpow_apow_0.db"),
                                java.nio.file.LinkOption.NOFOLLOW_LINKS))
                .isFalse();
    }

    @Test
    void dryRunPrintsTheLinksAndMakesNone() throws IOException {
        Files.createFile(stateDir.resolve("ri-AVAX:borrow:P004.db"));

        Command.Result result = link("--dry-run");

        assertThat(result.ok()).isTrue();
        assertThat(result.output())
                .contains("would link " + dbPath.resolve("ri_wavax_borrow_4.db"));
        try (var entries = Files.list(dbPath)) {
            assertThat(entries).isEmpty();
        }
    }

    @Test
    void withoutBanqBatchToReadTheCatalogueFromNothingIsLinked() throws IOException {
        // given
        Files.createFile(stateDir.resolve("ri-APOW:supply:P000.db"));

        // when
        Command.Result result =
                Command.run(
                        List.of(
                                Repository.infra("bin", "banq-link.sh").toString(),
                                "--state-dir",
                                stateDir.toString(),
                                "--db-path",
                                dbPath.toString()),
                        null,
                        Map.of(
                                "BANQ_BATCH_JAR",
                                "",
                                "JAVA_HOME",
                                scratch.resolve("no-jdk").toString()));

        // then
        assertThat(result.exitCode()).as(result.output()).isEqualTo(69);
        assertThat(result.output()).contains("cannot read the series catalogue");
        try (var entries = Files.list(dbPath)) {
            assertThat(entries).isEmpty();
        }
    }

    private Command.Result link(String... more) {
        List<String> argv =
                new ArrayList<>(
                        List.of(
                                Repository.infra("bin", "banq-link.sh").toString(),
                                "--state-dir",
                                stateDir.toString(),
                                "--db-path",
                                dbPath.toString()));
        argv.addAll(List.of(more));
        // the names come from `banq-batch list` of the jar the reactor built before these tests
        Path jar = Repository.root().resolve("batch-jobs/target/banq-batch.jar");
        assertThat(jar).as("build batch-jobs first (mvn -pl batch-jobs package)").isRegularFile();
        return Command.run(
                argv,
                null,
                Map.of(
                        "BANQ_BATCH_JAR",
                        jar.toString(),
                        "JAVA_HOME",
                        Path.of(System.getProperty("java.home")).toString()));
    }

    /** state file -> API link name, from the golden list of the 42 series. */
    static Map<String, String> seriesNames() throws IOException, URISyntaxException {
        Path golden =
                Path.of(
                        BanqLinkTest.class
                                .getClassLoader()
                                .getResource("series-names.txt")
                                .toURI());
        Map<String, String> names = new LinkedHashMap<>();
        for (String line : Files.readAllLines(golden)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] pair = line.split(" ");
                names.put(pair[0], pair[1]);
            }
        }
        assertThat(names).hasSize(42);
        return names;
    }
}
