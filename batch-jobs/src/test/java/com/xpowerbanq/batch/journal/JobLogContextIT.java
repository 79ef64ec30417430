package com.xpowerbanq.batch.journal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.xpowerbanq.batch.BanqBatchApplication;
import com.xpowerbanq.batch.keeper.DevnetContext;
import com.xpowerbanq.batch.launch.JobNames;
import com.xpowerbanq.batch.launch.JobRunner;
import com.xpowerbanq.schema.Catalogue;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * The MDC of real partitioned runs on a devnet: every line logged inside a partition carries its
 * series, every line of a run its contract run, job and execution.
 */
class JobLogContextIT {
    private static final List<String> RI = List.of("APOW:supply:P000", "USDT:borrow:P006");

    @TempDir static Path state;
    static DevnetContext fixture;

    private final ListAppender<ILoggingEvent> events = new ListAppender<>();

    @BeforeAll
    static void start() throws Exception {
        fixture =
                DevnetContext.start(
                        state,
                        1,
                        d -> d.account(1),
                        "--banq.keeper.workers=2",
                        "--banq.index.workers=2",
                        "--logging.level.org.springframework.batch=DEBUG",
                        "--logging.level.com.xpowerbanq=DEBUG");
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @BeforeEach
    void listen() {
        events.start();
        root().addAppender(events);
    }

    @AfterEach
    void unlisten() {
        root().detachAppender(events);
    }

    private static Logger root() {
        return ((LoggerContext) LoggerFactory.getILoggerFactory())
                .getLogger(Logger.ROOT_LOGGER_NAME);
    }

    private static JobExecution run(String job) {
        JobExecution execution =
                fixture.context()
                        .getBean(JobRunner.class)
                        .run(job, Map.of("series", String.join(",", RI)));
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        return execution;
    }

    @Test
    void everyLineOfAKeeperPartitionCarriesItsSeriesAndEveryLineOfTheRunItsJob() {
        // when a dry run of the reindex keeper over two series
        JobExecution execution = run(JobNames.REINDEX);

        // then
        assertPartitionLinesCarryTheirSeries(execution, "reindex-");
        List<ILoggingEvent> keeper = ofLogger("com.xpowerbanq.batch.keeper.KeeperTasklet");
        assertThat(keeper).hasSize(RI.size());
        assertThat(keeper)
                .allSatisfy(
                        e ->
                                assertThat(e.getFormattedMessage())
                                        .startsWith(
                                                e.getMDCPropertyMap().get(JobLogContext.SERIES)));
        assertThat(ofLogger("com.xpowerbanq.batch.keeper.KeeperSessions"))
                .isNotEmpty()
                .allSatisfy(e -> assertCarriesTheRun(e, execution));
    }

    @Test
    void everyLineOfAnIndexPartitionCarriesItsSeries() {
        // when
        JobExecution execution = run(JobNames.REINDEX_WATCH);

        // then
        assertPartitionLinesCarryTheirSeries(execution, "series-");
    }

    /** banq-batch as its own process, with the production logging (no logback-test.xml). */
    private static Process child(Path stateDir, Path output, Map<String, String> env)
            throws Exception {
        String classPath =
                Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                        .filter(entry -> !entry.endsWith("test-classes"))
                        .collect(Collectors.joining(File.pathSeparator));
        ProcessBuilder builder =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-cp",
                                classPath,
                                BanqBatchApplication.class.getName(),
                                "--state-dir=" + stateDir,
                                "--banq.chain.provider-url=" + fixture.devnet().rpcUrl(),
                                "--banq.chain.contracts-file=" + fixture.devnet().registryFile(),
                                "run",
                                JobNames.REINDEX,
                                "series=ri_apow_supply_0")
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile());
        builder.environment().remove("JOURNAL_STREAM");
        builder.environment().putAll(env);
        return builder.start();
    }

    @Test
    void aProcessUnderTheJournalSendsItsLinesWithTheirFieldsToTheSocket(@TempDir Path dir)
            throws Exception {
        // given journald's stand-in and banq-batch started as systemd would (JOURNAL_STREAM set)
        Path socket = dir.resolve("journal.sock");
        Path out = Files.createFile(dir.resolve("out"));
        Map<String, Object> stream = Files.readAttributes(out, "unix:dev,ino");
        try (JournalDatagrams journald = new JournalDatagrams(socket)) {
            Process child =
                    child(
                            dir,
                            out,
                            Map.of(
                                    "JOURNAL_STREAM",
                                    stream.get("dev") + ":" + stream.get("ino"),
                                    "BANQ_LOG_JOURNAL",
                                    "",
                                    "BANQ_LOG_JOURNAL_SOCKET",
                                    socket.toString()));

            // when it runs a keeper dry run for one series
            assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();

            // then its lines arrive as journal entries, the partition's with the series
            List<Map<String, String>> entries = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                entries.add(journald.receive());
            }
            assertThat(entries)
                    .allSatisfy(
                            e ->
                                    assertThat(e)
                                            .containsEntry("SYSLOG_IDENTIFIER", "banq-batch")
                                            .containsEntry("PRIORITY", "6")
                                            .containsEntry("BANQ_RUN", "v10a")
                                            .containsEntry("BANQ_JOB", "reindex"));
            assertThat(entries)
                    .filteredOn(e -> e.get("LOGGER").endsWith("KeeperTasklet"))
                    .singleElement()
                    .satisfies(
                            e ->
                                    assertThat(e)
                                            .containsEntry("BANQ_SERIES", "APOW:supply:P000")
                                            .containsEntry("BANQ_SERIES_API", "ri_apow_supply_0"));
            assertThat(Files.readString(dir.resolve("out"))).doesNotContain("KeeperTasklet");
        }
    }

    @Test
    void withoutTheSocketAProcessLogsToTheConsoleAfterOneWarning(@TempDir Path dir)
            throws Exception {
        // when banq-batch asked for the journal finds no socket
        Process child =
                child(
                        dir,
                        dir.resolve("out"),
                        Map.of(
                                "BANQ_LOG_JOURNAL",
                                "true",
                                "BANQ_LOG_JOURNAL_SOCKET",
                                dir.resolve("absent.sock").toString()));
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();

        // then its console has one warning, then its lines in the usual pattern
        List<String> lines = Files.readAllLines(dir.resolve("out"));
        assertThat(lines)
                .filteredOn(l -> l.contains("absent.sock"))
                .singleElement()
                .asString()
                .matches(
                        "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN  JournalAppender: journal socket"
                                + " .*absent.sock is absent: logging to the console");
        assertThat(lines)
                .anyMatch(
                        l ->
                                l.matches(
                                        "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  KeeperTasklet:"
                                                + " APOW:supply:P000 would-send: .*"));
    }

    private List<ILoggingEvent> ofLogger(String name) {
        return events.list.stream().filter(e -> e.getLoggerName().equals(name)).toList();
    }

    /**
     * Spring Batch announces a step before its listeners run and reports it after: those two lines
     * aside, a partition's thread logs with its series, and without any once the partition ends.
     */
    private void assertPartitionLinesCarryTheirSeries(JobExecution execution, String threads) {
        List<ILoggingEvent> partitions =
                events.list.stream().filter(e -> e.getThreadName().startsWith(threads)).toList();
        List<ILoggingEvent> inside =
                partitions.stream().filter(e -> !announcesOrReportsAStep(e)).toList();
        assertThat(inside).isNotEmpty().allSatisfy(e -> assertCarriesTheRun(e, execution));
        assertThat(inside)
                .extracting(e -> e.getMDCPropertyMap().get(JobLogContext.SERIES))
                .containsOnlyElementsOf(RI)
                .containsAll(RI);
        assertThat(inside)
                .allSatisfy(
                        e ->
                                assertThat(e.getMDCPropertyMap().get(JobLogContext.SERIES_API))
                                        .isEqualTo(
                                                Catalogue.parse(
                                                                e.getMDCPropertyMap()
                                                                        .get(JobLogContext.SERIES))
                                                        .apiName()));
        assertThat(partitions)
                .filteredOn(e -> e.getFormattedMessage().startsWith("Step execution complete"))
                .hasSize(RI.size())
                .allSatisfy(e -> assertThat(e.getMDCPropertyMap()).isEmpty());
    }

    private static boolean announcesOrReportsAStep(ILoggingEvent e) {
        return e.getLoggerName().equals("org.springframework.batch.core.step.AbstractStep")
                && (e.getFormattedMessage().startsWith("Executing")
                        || e.getFormattedMessage().startsWith("Step execution complete"));
    }

    private static void assertCarriesTheRun(ILoggingEvent e, JobExecution execution) {
        assertThat(e.getMDCPropertyMap())
                .as("MDC of: %s", e.getFormattedMessage())
                .containsEntry(JobLogContext.RUN, "v10a")
                .containsEntry(JobLogContext.JOB, execution.getJobInstance().getJobName())
                .containsEntry(JobLogContext.EXECUTION, Long.toString(execution.getId()));
    }
}
