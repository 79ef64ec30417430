package com.xpowerbanq.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.xpowerbanq.batch.index.RawLogStore;
import com.xpowerbanq.batch.index.WindowEnd;
import com.xpowerbanq.batch.launch.SqliteJobRepository;
import com.xpowerbanq.batch.launch.StringParameters;
import com.xpowerbanq.schema.Catalogue;
import com.xpowerbanq.schema.Kind;
import com.xpowerbanq.schema.LegacySchema;
import com.xpowerbanq.schema.Series;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** {@code status SERIES} on a real SQLite job repository and a real series database. */
class SeriesStatusReportTest {
    private static final String CONTRACT = "0x47b36e824631e97e94d462f822181ed08a459384";
    private static final LocalDateTime MORNING = LocalDateTime.of(2026, 9, 26, 6, 45);

    @TempDir Path state;

    private final Series series = Catalogue.fromName("ri_apow_supply_0");

    /** A row of the original's format at {@code block}, stamped {@code stamp} (unix seconds). */
    private static String row(String id, long block, long stamp) {
        return ("{'id':'%s','filter':'Reindex','index_ray':'1000019350402505807000000000n',"
                        + "'util_wad':'770697000000000000n','stamp':'%dn','symbol':'APOW',"
                        + "'mode':'supply','log':{'_type':'log','address':'%s','blockNumber':%d,"
                        + "'index':0,'removed':false,'topics':[],'transactionIndex':1}}")
                .formatted(id, stamp, CONTRACT, block)
                .replace('\'', '"');
    }

    private void seriesDatabase() throws Exception {
        Path file = state.resolve(series.stateFile());
        try (Connection legacy = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            LegacySchema.create(legacy, Kind.RI);
            try (PreparedStatement insert =
                    legacy.prepareStatement("INSERT INTO raw_logs(id, json) VALUES (?, ?)")) {
                for (String json : List.of(row("a", 4, 1790404200L), row("b", 9, 1790447400L))) {
                    insert.setString(1, json.substring(7, 8));
                    insert.setString(2, json);
                    insert.executeUpdate();
                }
            }
        }
        try (RawLogStore store = RawLogStore.open(file, Kind.RI)) {
            store.write(List.of(), new WindowEnd(12, 31337, CONTRACT));
        }
    }

    private static void step(
            JobRepository repository,
            String job,
            String step,
            BatchStatus status,
            ExitStatus exit,
            LocalDateTime start,
            int run) {
        JobInstance instance =
                repository.createJobInstance(job, StringParameters.of("run", "" + run));
        JobExecution execution =
                repository.createJobExecution(
                        instance, StringParameters.of("run", "" + run), new ExecutionContext());
        execution.setStartTime(start);
        StepExecution partition = repository.createStepExecution(step, execution);
        partition.setStartTime(start);
        partition.setEndTime(start.plusSeconds(3));
        partition.setStatus(status);
        partition.setExitStatus(exit);
        partition.setReadCount(2);
        partition.setWriteCount(status == BatchStatus.COMPLETED ? 2 : 0);
        repository.update(partition);
        execution.setStatus(status);
        execution.setEndTime(start.plusSeconds(4));
        repository.update(execution);
    }

    private String report(JobRepository repository) {
        var out = new ByteArrayOutputStream();
        SeriesStatusReport.print(
                new PrintStream(out, true, StandardCharsets.UTF_8), repository, series, state);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void showsTheDatabaseAndTheLastExecutionsOfTheSeriesAcrossJobsNewestFirst() throws Exception {
        // given a series database and executions of both RI jobs, one for another series
        seriesDatabase();
        try (SqliteJobRepository jobs = new SqliteJobRepository(state)) {
            JobRepository repository = jobs.repository();
            step(
                    repository,
                    "reindex-watch",
                    "reindex-watch.series:APOW:supply:P000",
                    BatchStatus.COMPLETED,
                    ExitStatus.COMPLETED,
                    MORNING,
                    1);
            step(
                    repository,
                    "reindex",
                    "reindex.series:APOW:supply:P000",
                    BatchStatus.FAILED,
                    ExitStatus.FAILED.addExitDescription(
                            "APOW:supply:P000 reverted: stale\n\tat KeeperTasklet.execute"),
                    MORNING.plusHours(12),
                    2);
            step(
                    repository,
                    "reindex-watch",
                    "reindex-watch.series:XPOW:supply:P004",
                    BatchStatus.COMPLETED,
                    ExitStatus.COMPLETED,
                    MORNING.plusHours(13),
                    3);

            // when
            String report = report(repository);

            // then
            assertThat(report)
                    .startsWith("series APOW:supply:P000 (API name ri_apow_supply_0)\n")
                    .contains("database " + state.resolve("ri-APOW:supply:P000.db"))
                    .contains("rows 2  last block 12  last event 2026-09-26 18:30:00 UTC (block 9)")
                    .doesNotContain("XPOW")
                    .doesNotContain("KeeperTasklet");
            List<String> executions =
                    report.lines().dropWhile(l -> !l.equals("last executions:")).skip(1).toList();
            assertThat(executions).hasSize(2);
            assertThat(executions.get(0))
                    .startsWith("  reindex       execution 2  FAILED")
                    .contains("started 2026-09-26T18:45", "read 2  written 0")
                    .endsWith("FAILED: APOW:supply:P000 reverted: stale");
            assertThat(executions.get(1))
                    .startsWith("  reindex-watch execution 1  COMPLETED")
                    .contains("started 2026-09-26T06:45", "ended 2026-09-26T06:45:03")
                    .endsWith("read 2  written 2  COMPLETED");
        }
    }

    @Test
    void aSeriesNeverRunSaysSo() throws Exception {
        try (SqliteJobRepository jobs = new SqliteJobRepository(state)) {
            assertThat(report(jobs.repository()))
                    .contains("  not written yet\n")
                    .endsWith("last executions:\n  none yet\n");
        }
    }
}
