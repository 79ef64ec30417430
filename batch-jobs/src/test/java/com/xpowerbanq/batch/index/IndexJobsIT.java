package com.xpowerbanq.batch.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.xpowerbanq.batch.BanqBatchApplication;
import com.xpowerbanq.batch.cli.CommandLine;
import com.xpowerbanq.batch.launch.JobNames;
import com.xpowerbanq.batch.launch.JobRunner;
import com.xpowerbanq.chain.rpc.BlockBounds;
import com.xpowerbanq.chain.rpc.ChainUnavailableException;
import com.xpowerbanq.chain.rpc.JsonRpcChainClient;
import com.xpowerbanq.chain.rpc.RetryPolicy;
import com.xpowerbanq.devnet.Devnet;
import com.xpowerbanq.devnet.DevnetOptions;
import com.xpowerbanq.schema.Catalogue;
import com.xpowerbanq.schema.ContractRegistry;
import com.xpowerbanq.schema.Kind;
import com.xpowerbanq.schema.Series;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The index jobs against one devnet with 60 simulated days (and 1200 empty blocks after them), on
 * real SQLite files; every result is compared with what eth_getLogs says the chain emitted.
 */
class IndexJobsIT {
    private static final List<String> RI = List.of("APOW:supply:P000", "USDT:borrow:P006");
    private static final List<String> RT = List.of("XPOW_APOW:T000", "APOW_USDC:T002");

    private static Devnet devnet;
    private static ChainTruth truth;

    @TempDir Path state;

    @BeforeAll
    static void startDevnet() {
        devnet = Devnet.start(DevnetOptions.defaults().withDays(60));
        // past 2048 blocks, so the faulty provider has ranges to refuse; anvil mines ~200/s
        for (int i = 0; i < 6; i++) {
            devnet.mineBlocks(200);
        }
        truth = new ChainTruth(devnet);
    }

    @AfterAll
    static void stopDevnet() {
        if (devnet != null) {
            devnet.close();
        }
    }

    private ConfigurableApplicationContext app(String providerUrl, Path contracts) {
        return CommandLine.start(
                "--state-dir=" + state,
                "--banq.chain.provider-url=" + providerUrl,
                "--banq.chain.contracts-file=" + contracts,
                "--banq.chain.attempts=10",
                "--banq.chain.backoff-base=2ms",
                "--banq.chain.backoff-max=20ms",
                "--banq.chain.call-timeout=5s");
    }

    private ConfigurableApplicationContext app() {
        return app(devnet.rpcUrl(), devnet.registryFile());
    }

    private static Map<String, String> parameters(String... keyValues) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String kv : keyValues) {
            int eq = kv.indexOf('=');
            parameters.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return parameters;
    }

    private void assertHoldsExactlyTheChainsEvents(String instanceId) {
        truth.assertStoresExactly(state, Catalogue.parse(instanceId));
    }

    private static List<SeriesScanReport> reports(JobExecution execution) {
        String job = execution.getJobInstance().getJobName();
        return SeriesScanReport.of(
                JobNames.seriesStep(job), new ArrayList<>(execution.getStepExecutions()));
    }

    @Test
    void backfillWritesExactlyTheEventsTheChainEmittedAndRepeatingWritesNothing() {
        try (var app = app()) {
            JobRunner runner = app.getBean(JobRunner.class);

            // when: a backfill from deployment in small windows, both jobs
            Map<String, String> backfill =
                    parameters("series=" + String.join(",", RI), "from=deploy", "window=100");
            JobExecution ri = runner.run(JobNames.REINDEX_WATCH, backfill);
            JobExecution rt =
                    runner.run(
                            JobNames.RETWAP_WATCH,
                            parameters(
                                    "series=" + String.join(",", RT), "from=deploy", "window=100"));

            // then: every event, once, with the views and rollup answering
            assertThat(ri.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(rt.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            for (String id : RI) {
                assertHoldsExactlyTheChainsEvents(id);
                Path file = state.resolve(Catalogue.parse(id).stateFile());
                long rows = ChainTruth.count(file, "SELECT count(*) FROM raw_logs");
                assertThat(
                                ChainTruth.count(
                                        file, "SELECT count(*) FROM riw_view WHERE util_e18 >= 0"))
                        .isEqualTo(rows);
                assertThat(ChainTruth.count(file, "SELECT sum(n) FROM daily_rollup"))
                        .isEqualTo(rows);
            }
            for (String id : RT) {
                assertHoldsExactlyTheChainsEvents(id);
                Path file = state.resolve(Catalogue.parse(id).stateFile());
                assertThat(
                                ChainTruth.count(
                                        file,
                                        "SELECT count(*) FROM rtw_view WHERE quote_bid_e18 > 0"))
                        .isEqualTo(ChainTruth.count(file, "SELECT count(*) FROM raw_logs"));
            }
            assertThat(reports(ri)).allSatisfy(r -> assertThat(r.inserted()).isEqualTo(r.events()));

            // when: the same command again (incremental), and a rescan of the whole range
            JobExecution again = runner.run(JobNames.REINDEX_WATCH, backfill);
            Map<String, String> rescanAll = new LinkedHashMap<>(backfill);
            rescanAll.put("rescan", "true");
            JobExecution rescan = runner.run(JobNames.REINDEX_WATCH, rescanAll);

            // then: nothing new is written, nothing is duplicated
            assertThat(reports(again)).allSatisfy(r -> assertThat(r.events()).isZero());
            assertThat(reports(rescan))
                    .allSatisfy(
                            r -> {
                                assertThat(r.events()).isPositive();
                                assertThat(r.inserted()).isZero();
                            });
            RI.forEach(this::assertHoldsExactlyTheChainsEvents);
        }
    }

    @Test
    void twoProcessesSharingTheJobRepositoryRunPartitionedJobsAtOnce() throws Exception {
        // given: two application contexts (two pools of connections) on the same state directory
        try (var first = app();
                var second = app()) {
            Map<String, String> all = parameters("series=all", "from=deploy", "window=40");
            var reindex =
                    CompletableFuture.supplyAsync(
                            () -> first.getBean(JobRunner.class).run(JobNames.REINDEX_WATCH, all));
            var retwap =
                    CompletableFuture.supplyAsync(
                            () -> second.getBean(JobRunner.class).run(JobNames.RETWAP_WATCH, all));

            // then: both complete, every partition of each, on one SQLite job repository
            assertThat(reindex.get(3, TimeUnit.MINUTES).getStatus())
                    .isEqualTo(BatchStatus.COMPLETED);
            assertThat(retwap.get(3, TimeUnit.MINUTES).getStatus())
                    .isEqualTo(BatchStatus.COMPLETED);
            assertThat(reports(reindex.get()))
                    .hasSize(28)
                    .allSatisfy(r -> assertThat(r.status()).isEqualTo("COMPLETED"));
            assertThat(reports(retwap.get()))
                    .hasSize(14)
                    .allSatisfy(r -> assertThat(r.status()).isEqualTo("COMPLETED"));
        }
        assertHoldsExactlyTheChainsEvents("XPOW:borrow:P005");
        assertHoldsExactlyTheChainsEvents("USDT_XPOW:T006");
    }

    @Test
    void aProviderThatRefusesLargeRangesThrottlesAndDropsConnectionsStillYieldsEveryEvent()
            throws IOException {
        try (FaultyRpcProxy proxy = new FaultyRpcProxy(devnet.rpcUrl(), 2048, 0.15, 0.08);
                var app = app(proxy.url(), devnet.registryFile())) {
            JobRunner runner = app.getBean(JobRunner.class);

            JobExecution ri =
                    runner.run(
                            JobNames.REINDEX_WATCH,
                            parameters("series=" + RI.get(0), "from=deploy", "window=100000"));
            JobExecution rt =
                    runner.run(
                            JobNames.RETWAP_WATCH,
                            parameters("series=" + RT.get(1), "from=deploy", "window=100000"));

            assertThat(ri.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(rt.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertHoldsExactlyTheChainsEvents(RI.get(0));
            assertHoldsExactlyTheChainsEvents(RT.get(1));
            assertThat(proxy.refused.get()).isPositive();
            assertThat(proxy.throttled.get()).isPositive();
            assertThat(proxy.dropped.get()).isPositive();
        }
    }

    @Test
    void anUnreachableProviderFailsClearlyAndLeavesARestartableExecution() throws IOException {
        String dead = "http://127.0.0.1:" + freePort();
        Map<String, String> parameters =
                parameters("series=" + RT.get(0), "from=deploy", "window=500");
        JobExecution failed;
        try (var app = app(dead, devnet.registryFile())) {
            failed = app.getBean(JobRunner.class).run(JobNames.RETWAP_WATCH, parameters);
        }
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.getAllFailureExceptions())
                .anySatisfy(
                        e ->
                                assertThat(e)
                                        .isInstanceOf(ChainUnavailableException.class)
                                        .hasMessageContaining(dead));

        JobExecution resumed;
        try (var app = app()) {
            resumed = app.getBean(JobRunner.class).run(JobNames.RETWAP_WATCH, parameters);
        }
        assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(resumed.getJobInstance().getInstanceId())
                .isEqualTo(failed.getJobInstance().getInstanceId());
        assertHoldsExactlyTheChainsEvents(RT.get(0));
    }

    @Test
    void aBrokenSeriesFailsOnlyItsPartitionAndTheRestartRerunsOnlyIt() throws IOException {
        // given: a registry whose pool P001 is an account without code
        Path broken = state.resolve("broken.env");
        String p001 = devnet.registry().address("P001", "v10a").orElseThrow();
        Files.writeString(
                broken,
                Files.readString(devnet.registryFile())
                        .replace(p001, devnet.account(5).getAddress()));
        Map<String, String> parameters = parameters("series=all", "from=deploy", "window=1000");

        JobExecution failed;
        try (var app = app(devnet.rpcUrl(), broken)) {
            failed = app.getBean(JobRunner.class).run(JobNames.REINDEX_WATCH, parameters);
        }

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        List<SeriesScanReport> first = reports(failed);
        assertThat(first).hasSize(28);
        assertThat(
                        first.stream()
                                .filter(r -> r.status().equals("FAILED"))
                                .map(SeriesScanReport::series))
                .containsExactlyInAnyOrder(
                        "APOW:supply:P001",
                        "APOW:borrow:P001",
                        "AVAX:supply:P001",
                        "AVAX:borrow:P001");
        assertThat(first)
                .filteredOn(r -> r.series().endsWith("P001"))
                .allSatisfy(r -> assertThat(r.note()).contains("eth_call", "pool P001"));

        JobExecution restarted;
        try (var app = app()) {
            restarted = app.getBean(JobRunner.class).run(JobNames.REINDEX_WATCH, parameters);
        }

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(reports(restarted))
                .extracting(SeriesScanReport::series)
                .containsExactlyInAnyOrder(
                        "APOW:supply:P001",
                        "APOW:borrow:P001",
                        "AVAX:supply:P001",
                        "AVAX:borrow:P001");
        for (Series series : Catalogue.ri()) {
            assertThat(
                            ChainTruth.count(
                                    state.resolve(series.stateFile()),
                                    "SELECT count(*) FROM raw_logs"))
                    .as(series.instanceId())
                    .isEqualTo(truth.events(series).size());
        }
    }

    @Test
    void aRunKilledWithSigkillResumesAndEndsWithTheRowsOfAnUninterruptedRun() throws Exception {
        // given: a child process running a backfill of all RT series in tiny windows
        Path out = state.resolve("child.out");
        List<String> command =
                List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        BanqBatchApplication.class.getName(),
                        "--state-dir=" + state,
                        "--banq.chain.provider-url=" + devnet.rpcUrl(),
                        "--banq.chain.contracts-file=" + devnet.registryFile(),
                        "--banq.index.workers=2",
                        "run",
                        JobNames.RETWAP_WATCH,
                        "series=all",
                        "from=deploy",
                        "window=10");
        Process child =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(out.toFile())
                        .start();

        // when: it is killed once some windows are committed
        await().atMost(Duration.ofMinutes(2))
                .until(() -> Files.exists(out) && Files.readString(out).contains("[window 060/"));
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(out)).doesNotContain("retwap-watch execution 1: COMPLETED");

        // and the same command is launched again
        JobExecution resumed;
        try (var app = app()) {
            resumed =
                    app.getBean(JobRunner.class)
                            .run(
                                    JobNames.RETWAP_WATCH,
                                    parameters("series=all", "from=deploy", "window=10"));
        }

        // then: the killed execution's instance completes with exactly the chain's events
        assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(resumed.getJobInstance().getInstanceId()).isEqualTo(1L);
        assertThat(resumed.getId()).isGreaterThan(1L);
        for (Series series : Catalogue.rt()) {
            assertHoldsExactlyTheChainsEvents(series.instanceId());
        }

        // and the partitions the kill interrupted resumed at their last committed window: the
        // relaunch read only what the killed run had not committed, not the series again
        Map<String, StepExecution> killed;
        try (var app = app()) {
            killed =
                    seriesSteps(
                            app.getBean(JobRepository.class)
                                    .getJobExecution(1L)
                                    .getStepExecutions());
        }
        Map<String, StepExecution> relaunched = seriesSteps(resumed.getStepExecutions());
        List<String> interrupted =
                killed.values().stream()
                        .filter(step -> step.getStatus() != BatchStatus.COMPLETED)
                        .filter(step -> step.getReadCount() > 0)
                        .map(StepExecution::getStepName)
                        .toList();
        assertThat(interrupted).as("partitions killed after a committed chunk").isNotEmpty();
        for (String step : interrupted) {
            StepExecution before = killed.get(step);
            StepExecution after = relaunched.get(step);
            ScanPlan plan = ScanPlan.loadFrom(after.getExecutionContext());
            Series series = Catalogue.parse(step.substring(step.indexOf(':') + 1));
            long events =
                    truth.events(series).stream()
                            .filter(e -> e.block() >= plan.from() && e.block() <= plan.to())
                            .count();
            long items = events + plan.windows(); // each window hands over a WindowEnd too
            assertThat(before.getExecutionContext().getLong(BlockWindowLogReader.WINDOW_START))
                    .as("%s: window the killed run had committed", step)
                    .isGreaterThan(plan.from());
            assertThat(after.getReadCount())
                    .as("%s: items the relaunch read", step)
                    .isLessThan(items)
                    .isEqualTo(items - before.getReadCount());
        }
    }

    /** The series partitions among step executions, by step name. */
    private static Map<String, StepExecution> seriesSteps(
            java.util.Collection<StepExecution> steps) {
        Map<String, StepExecution> byName = new LinkedHashMap<>();
        for (StepExecution step : steps) {
            if (step.getStepName().startsWith(JobNames.seriesStep(JobNames.RETWAP_WATCH) + ":")) {
                byName.put(step.getStepName(), step);
            }
        }
        return byName;
    }

    /** Runs the CLI in-process against the devnet; returns its exit code and what it printed. */
    private record Cli(int code, String err) {}

    private Cli cli(String... args) {
        List<String> all =
                new ArrayList<>(
                        List.of(
                                "--state-dir=" + state,
                                "--banq.chain.provider-url=" + devnet.rpcUrl(),
                                "--banq.chain.contracts-file=" + devnet.registryFile()));
        all.addAll(List.of(args));
        var err = new java.io.ByteArrayOutputStream();
        var before = System.err;
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            int code = CommandLine.run(all.toArray(String[]::new));
            return new Cli(code, err.toString(java.nio.charset.StandardCharsets.UTF_8));
        } finally {
            System.setErr(before);
        }
    }

    @Test
    void aToBeyondTheLatestBlockIsAUsageErrorNamingTheLatestBeforeAnyPartitionRuns() {
        // given
        long latest = devnet.latestBlockNumber();

        // when
        Cli run =
                cli(
                        "run",
                        JobNames.REINDEX_WATCH,
                        "series=" + RI.get(0),
                        "from=deploy",
                        "to=" + (latest + 1000));

        // then: exit 64, the latest block named, no execution recorded
        assertThat(run.code()).isEqualTo(64);
        assertThat(run.err())
                .contains("to=" + (latest + 1000) + " is beyond the chain's latest block")
                .containsPattern("latest block (" + latest + "|" + (latest + 1) + ")");
        assertNoExecutionOf(JobNames.REINDEX_WATCH);
    }

    @Test
    void aFromAboveTheUpperBoundIsAUsageErrorNotAnEmptySuccess() {
        // given: a block between the finalized and the latest block
        long latest = devnet.latestBlockNumber();

        // when
        Cli run = cli("run", JobNames.RETWAP_WATCH, "series=" + RT.get(0), "from=" + latest);

        // then
        assertThat(run.code()).isEqualTo(64);
        assertThat(run.err())
                .contains("from=" + latest + " is above the upper bound, the finalized block")
                .contains("nothing to scan");
        assertNoExecutionOf(JobNames.RETWAP_WATCH);

        // and with to= given: the same, without asking the chain which block is finalized
        Cli bounded =
                cli(
                        "run",
                        JobNames.RETWAP_WATCH,
                        "series=" + RT.get(0),
                        "from=" + latest,
                        "to=" + (latest - 10));
        assertThat(bounded.code()).isEqualTo(64);
        assertThat(bounded.err()).contains("is above to=" + (latest - 10));
    }

    private void assertNoExecutionOf(String job) {
        try (var app = app()) {
            assertThat(
                            app.getBean(
                                            org.springframework.batch.core.repository.JobRepository
                                                    .class)
                                    .getLastJobInstance(job))
                    .isNull();
        }
    }

    @Test
    void aChunkCommittedToTheSeriesButNotToTheJobRepositoryIsReplayedHarmlessly() throws Exception {
        Series series = Catalogue.parse(RT.get(0));
        IndexJobParameters parameters =
                IndexJobParameters.parse(Kind.RT, RT.get(0), "50", "deploy", "finalized", "false");
        Path file = state.resolve(series.stateFile());
        try (JsonRpcChainClient chain =
                JsonRpcChainClient.connect(
                        List.of(devnet.rpcUrl()),
                        Duration.ofSeconds(5),
                        new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(50)))) {
            SeriesContracts contracts =
                    new SeriesContracts(ContractRegistry.load(devnet.registryFile()), "v10a");
            ScanPlanner planner =
                    new ScanPlanner(chain, new BlockBounds(chain, 64), contracts, state);

            // given: five chunks committed to both the series database and the step context
            ExecutionContext stepContext = new ExecutionContext();
            var reader =
                    new BlockWindowLogReader(
                            series, parameters, planner, contracts, chain, ScanProgress.NONE);
            var writer = new RawLogWriter(file, Kind.RT);
            reader.open(stepContext);
            writer.open(stepContext);
            for (int i = 0; i < 5; i++) {
                writer.write(chunk(reader));
                reader.update(stepContext);
                writer.update(stepContext);
            }
            ExecutionContext committed = new ExecutionContext(stepContext);

            // when: the sixth chunk reaches the series database, then the process dies
            writer.write(chunk(reader));
            long rowsAtCrash = ChainTruth.count(file, "SELECT count(*) FROM raw_logs");
            reader.close();
            writer.close();

            // and the step restarts from the context the job repository holds
            ExecutionContext restored = new ExecutionContext(committed);
            var reader2 =
                    new BlockWindowLogReader(
                            series, parameters, planner, contracts, chain, ScanProgress.NONE);
            var writer2 = new RawLogWriter(file, Kind.RT);
            reader2.open(restored);
            writer2.open(restored);
            long insertedBefore = restored.getLong(RawLogWriter.INSERTED);
            Chunk<ScanItem> replay = chunk(reader2);
            writer2.write(replay);
            writer2.update(restored);

            // then: the replayed chunk adds nothing, and the rest completes the series exactly
            assertThat(ChainTruth.count(file, "SELECT count(*) FROM raw_logs"))
                    .isEqualTo(rowsAtCrash);
            assertThat(restored.getLong(RawLogWriter.INSERTED)).isEqualTo(insertedBefore);
            for (Chunk<ScanItem> next = chunk(reader2); !next.isEmpty(); next = chunk(reader2)) {
                writer2.write(next);
            }
            reader2.close();
            writer2.close();
        }
        assertHoldsExactlyTheChainsEvents(RT.get(0));
    }

    private static Chunk<ScanItem> chunk(BlockWindowLogReader reader) {
        Chunk<ScanItem> chunk = new Chunk<>();
        for (int i = 0; i < IndexConfiguration.CHUNK; i++) {
            ScanItem item = reader.read();
            if (item == null) {
                break;
            }
            chunk.add(item);
        }
        return chunk;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
