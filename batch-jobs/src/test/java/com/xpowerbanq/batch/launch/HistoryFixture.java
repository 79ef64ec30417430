package com.xpowerbanq.batch.launch;

import com.xpowerbanq.schema.Catalogue;
import com.xpowerbanq.schema.Kind;
import com.xpowerbanq.schema.Series;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes the job repository history of the production schedule (reindex and the two watch jobs
 * twice a day, retwap hourly; one partition step per series under each partitioned step, as the
 * jobs record them) for the days before {@code end}: a year is 10,950 job executions and 184,690
 * step executions. Rows go in with plain JDBC batches in one transaction, so a year takes seconds;
 * the execution contexts are ones Spring Batch itself serialised, so the history loads as any.
 * Public for the benchmarks as well as the tests.
 */
public final class HistoryFixture {
    /** One scheduled job: its name, its fires per day (UTC times) and the kind of its series. */
    public record Schedule(String job, List<LocalTime> fires, Kind kind) {}

    /** The production schedule of {@code application.properties}. */
    public static final List<Schedule> PRODUCTION =
            List.of(
                    new Schedule(JobNames.RETWAP_WATCH, twiceADay(6, 15), Kind.RT),
                    new Schedule(JobNames.REINDEX, twiceADay(6, 30), Kind.RI),
                    new Schedule(JobNames.REINDEX_WATCH, twiceADay(6, 45), Kind.RI),
                    new Schedule(JobNames.RETWAP, hourly(), Kind.RT));

    /** What a history holds. */
    public record Size(long jobExecutions, long stepExecutions) {}

    private final DataSource dataSource;
    private final JobRepository repository;

    public HistoryFixture(SqliteJobRepository sqlite) {
        this.dataSource = sqlite.dataSource();
        this.repository = sqlite.repository();
    }

    /**
     * Writes {@code days} days of {@code schedules}' completed runs, the last ending at {@code
     * end}.
     */
    public Size write(List<Schedule> schedules, int days, Instant end) throws SQLException {
        Contexts contexts = contexts();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        long instanceId = max(jdbc, "BATCH_JOB_INSTANCE_SEQ");
        long executionId = max(jdbc, "BATCH_JOB_EXECUTION_SEQ");
        long stepId = max(jdbc, "BATCH_STEP_EXECUTION_SEQ");
        try (Connection c = dataSource.getConnection();
                Rows rows = new Rows(c)) {
            c.setAutoCommit(false);
            Instant first = end.minus(Duration.ofDays(days)).truncatedTo(ChronoUnit.DAYS);
            // the launcher numbers each job's runs: run=N of its last instance, plus one
            Map<String, Long> runs = new HashMap<>();
            for (int day = 0; day < days; day++) {
                Instant midnight = first.plus(Duration.ofDays(day));
                for (Schedule schedule : schedules) {
                    for (LocalTime fire : schedule.fires()) {
                        Instant at = midnight.plusSeconds(fire.toSecondOfDay());
                        instanceId++;
                        executionId++;
                        rows.execution(
                                schedule.job(),
                                instanceId,
                                executionId,
                                runs.merge(schedule.job(), 1L, Long::sum),
                                at);
                        rows.context(executionId, contexts.job());
                        rows.step(
                                ++stepId,
                                JobNames.partitionStep(schedule.job()),
                                executionId,
                                at,
                                contexts.step());
                        for (Series series : Catalogue.of(schedule.kind())) {
                            rows.step(
                                    ++stepId,
                                    JobNames.seriesStep(schedule.job()) + ":" + series.instanceId(),
                                    executionId,
                                    at,
                                    contexts.step());
                        }
                    }
                }
            }
            rows.flush();
            c.commit();
        }
        // Spring Batch takes its ids from these sequences: the next ones follow the history
        jdbc.sql("INSERT INTO BATCH_JOB_INSTANCE_SEQ (ID) VALUES (?)").param(instanceId).update();
        jdbc.sql("INSERT INTO BATCH_JOB_EXECUTION_SEQ (ID) VALUES (?)").param(executionId).update();
        jdbc.sql("INSERT INTO BATCH_STEP_EXECUTION_SEQ (ID) VALUES (?)").param(stepId).update();
        return new Size(count(jdbc, "BATCH_JOB_EXECUTION"), count(jdbc, "BATCH_STEP_EXECUTION"));
    }

    private static long max(JdbcClient jdbc, String sequence) {
        return jdbc.sql("SELECT COALESCE(MAX(ID), 0) FROM " + sequence).query(Long.class).single();
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private record Contexts(String job, String step) {}

    /** A job and a step context as Spring Batch serialises them, from one throwaway execution. */
    private Contexts contexts() {
        JobInstance instance =
                repository.createJobInstance("history-template", StringParameters.of());
        ExecutionContext jobContext = new ExecutionContext();
        JobExecution execution =
                repository.createJobExecution(instance, StringParameters.of(), jobContext);
        StepExecution step = repository.createStepExecution("template", execution);
        step.getExecutionContext().putString("reader.series", "APOW:supply:P000");
        step.getExecutionContext().putLong("reader.window.start", 81_234_567L);
        step.getExecutionContext().putLong("reader.items", 1_234L);
        repository.updateExecutionContext(step);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        Contexts contexts =
                new Contexts(
                        jdbc.sql(
                                        "SELECT SHORT_CONTEXT FROM BATCH_JOB_EXECUTION_CONTEXT"
                                                + " WHERE JOB_EXECUTION_ID = ?")
                                .param(execution.getId())
                                .query(String.class)
                                .single(),
                        jdbc.sql(
                                        "SELECT SHORT_CONTEXT FROM BATCH_STEP_EXECUTION_CONTEXT"
                                                + " WHERE STEP_EXECUTION_ID = ?")
                                .param(step.getId())
                                .query(String.class)
                                .single());
        repository.deleteJobInstance(instance);
        return contexts;
    }

    private static List<LocalTime> twiceADay(int hour, int minute) {
        return List.of(LocalTime.of(hour, minute), LocalTime.of(hour + 12, minute));
    }

    private static List<LocalTime> hourly() {
        return IntStream.range(0, 24).mapToObj(h -> LocalTime.of(h, 0)).toList();
    }

    /** The batched inserts of one history. */
    private static final class Rows implements AutoCloseable {
        private final PreparedStatement instance;
        private final PreparedStatement execution;
        private final PreparedStatement parameter;
        private final PreparedStatement jobContext;
        private final PreparedStatement step;
        private final PreparedStatement stepContext;
        private int pending;

        Rows(Connection c) throws SQLException {
            instance =
                    c.prepareStatement(
                            "INSERT INTO BATCH_JOB_INSTANCE (JOB_INSTANCE_ID, VERSION, JOB_NAME,"
                                    + " JOB_KEY) VALUES (?, 0, ?, ?)");
            execution =
                    c.prepareStatement(
                            "INSERT INTO BATCH_JOB_EXECUTION (JOB_EXECUTION_ID, VERSION,"
                                    + " JOB_INSTANCE_ID, CREATE_TIME, START_TIME, END_TIME,"
                                    + " LAST_UPDATED, STATUS, EXIT_CODE, EXIT_MESSAGE) VALUES (?,"
                                    + " 2, ?, ?, ?, ?, ?, 'COMPLETED', 'COMPLETED', '')");
            parameter =
                    c.prepareStatement(
                            "INSERT INTO BATCH_JOB_EXECUTION_PARAMS (JOB_EXECUTION_ID,"
                                    + " PARAMETER_NAME, PARAMETER_TYPE, PARAMETER_VALUE,"
                                    + " IDENTIFYING) VALUES (?, ?, ?, ?, 'Y')");
            jobContext =
                    c.prepareStatement(
                            "INSERT INTO BATCH_JOB_EXECUTION_CONTEXT (JOB_EXECUTION_ID,"
                                    + " SHORT_CONTEXT) VALUES (?, ?)");
            step =
                    c.prepareStatement(
                            "INSERT INTO BATCH_STEP_EXECUTION (STEP_EXECUTION_ID, VERSION,"
                                    + " STEP_NAME, JOB_EXECUTION_ID, CREATE_TIME, START_TIME,"
                                    + " END_TIME, LAST_UPDATED, STATUS, EXIT_CODE, COMMIT_COUNT,"
                                    + " READ_COUNT, FILTER_COUNT, WRITE_COUNT, READ_SKIP_COUNT,"
                                    + " WRITE_SKIP_COUNT, PROCESS_SKIP_COUNT, ROLLBACK_COUNT,"
                                    + " EXIT_MESSAGE) VALUES (?, 3, ?, ?, ?, ?, ?, ?, 'COMPLETED',"
                                    + " 'COMPLETED', 1, 1, 0, 1, 0, 0, 0, 0, '')");
            stepContext =
                    c.prepareStatement(
                            "INSERT INTO BATCH_STEP_EXECUTION_CONTEXT (STEP_EXECUTION_ID,"
                                    + " SHORT_CONTEXT) VALUES (?, ?)");
        }

        void execution(String job, long instanceId, long executionId, long run, Instant at)
                throws SQLException {
            instance.setLong(1, instanceId);
            instance.setString(2, job);
            instance.setString(3, String.format("history%025d", instanceId));
            instance.addBatch();
            execution.setLong(1, executionId);
            execution.setLong(2, instanceId);
            times(execution, 3, at, 30);
            execution.addBatch();
            parameter(executionId, JobNames.RUN, Long.class, Long.toString(run));
            parameter(executionId, "series", String.class, "all");
            parameter(executionId, "fired", String.class, at.toString());
            parameter(executionId, "trigger", String.class, "cron");
            pending++;
        }

        /** Created and started at {@code at}, ended and last updated {@code seconds} later. */
        private static void times(PreparedStatement row, int first, Instant at, long seconds)
                throws SQLException {
            Timestamp start = Timestamp.from(at);
            Timestamp end = Timestamp.from(at.plusSeconds(seconds));
            row.setTimestamp(first, start);
            row.setTimestamp(first + 1, start);
            row.setTimestamp(first + 2, end);
            row.setTimestamp(first + 3, end);
        }

        private void parameter(long executionId, String name, Class<?> type, String value)
                throws SQLException {
            parameter.setLong(1, executionId);
            parameter.setString(2, name);
            parameter.setString(3, type.getName());
            parameter.setString(4, value);
            parameter.addBatch();
        }

        void context(long executionId, String context) throws SQLException {
            jobContext.setLong(1, executionId);
            jobContext.setString(2, context);
            jobContext.addBatch();
        }

        void step(long stepId, String name, long executionId, Instant at, String context)
                throws SQLException {
            step.setLong(1, stepId);
            step.setString(2, name);
            step.setLong(3, executionId);
            times(step, 4, at, 20);
            step.addBatch();
            stepContext.setLong(1, stepId);
            stepContext.setString(2, context);
            stepContext.addBatch();
            if (pending >= 500) {
                flush();
            }
        }

        void flush() throws SQLException {
            for (PreparedStatement statement :
                    List.of(instance, execution, parameter, jobContext, step, stepContext)) {
                statement.executeBatch();
            }
            pending = 0;
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement statement :
                    List.of(instance, execution, parameter, jobContext, step, stepContext)) {
                statement.close();
            }
        }
    }
}
