package com.xpowerbanq.batch.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The queries Spring Batch 6's JDBC DAOs make at every launch and restart check, and those of
 * {@code status} and {@code prune}, are answered from the job repository's indexes, not by scanning
 * the history (SQLite's {@code EXPLAIN QUERY PLAN}).
 */
class JobRepositoryIndexesTest {
    @TempDir Path state;

    /** Each query as spring-batch-core 6 writes it, and the index that must answer it. */
    private record Query(String sql, String index) {}

    private static final List<Query> QUERIES =
            List.of(
                    // JdbcJobInstanceDao: the last instance of a job (the launcher's first read)
                    new Query(
                            "SELECT JOB_INSTANCE_ID, JOB_NAME FROM BATCH_JOB_INSTANCE I1 WHERE"
                                    + " I1.JOB_NAME = ? AND I1.JOB_INSTANCE_ID = (SELECT"
                                    + " MAX(I2.JOB_INSTANCE_ID) FROM BATCH_JOB_INSTANCE I2 WHERE"
                                    + " I2.JOB_NAME = ?)",
                            "BATCH_JOB_INST_NAME_IX"),
                    // the instances of a job, newest first (status)
                    new Query(
                            "SELECT JOB_INSTANCE_ID, JOB_NAME FROM BATCH_JOB_INSTANCE WHERE"
                                    + " JOB_NAME = ? ORDER BY JOB_INSTANCE_ID DESC",
                            "BATCH_JOB_INST_NAME_IX"),
                    // JdbcJobExecutionDao: the executions of an instance, its last one
                    new Query(
                            "SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION WHERE"
                                    + " JOB_INSTANCE_ID = ? ORDER BY JOB_EXECUTION_ID DESC",
                            "BATCH_JOB_EXEC_INST_IX"),
                    new Query(
                            "SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION WHERE"
                                    + " JOB_INSTANCE_ID = ? AND JOB_EXECUTION_ID IN (SELECT"
                                    + " MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION E2 WHERE"
                                    + " E2.JOB_INSTANCE_ID = ?)",
                            "BATCH_JOB_EXEC_INST_IX"),
                    // the running executions of a job (the launcher's recovery of dead runs)
                    new Query(
                            "SELECT E.JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION E,"
                                    + " BATCH_JOB_INSTANCE I WHERE"
                                    + " E.JOB_INSTANCE_ID=I.JOB_INSTANCE_ID AND I.JOB_NAME=? AND"
                                    + " E.STATUS IN ('STARTING', 'STARTED', 'STOPPING')",
                            "BATCH_JOB_EXEC_STATUS_IX"),
                    // the parameters and the steps read with every execution
                    new Query(
                            "SELECT JOB_EXECUTION_ID, PARAMETER_NAME, PARAMETER_TYPE,"
                                    + " PARAMETER_VALUE, IDENTIFYING FROM"
                                    + " BATCH_JOB_EXECUTION_PARAMS WHERE JOB_EXECUTION_ID = ?",
                            "BATCH_JOB_EXEC_PARAMS_EXEC_IX"),
                    new Query(
                            "SELECT STEP_EXECUTION_ID, STEP_NAME, STATUS FROM"
                                    + " BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? ORDER BY"
                                    + " STEP_EXECUTION_ID",
                            "BATCH_STEP_EXEC_JOB_EXEC_IX"),
                    // JdbcStepExecutionDao: the last execution of a step of an instance (restart)
                    new Query(
                            "SELECT SE.STEP_EXECUTION_ID FROM BATCH_JOB_EXECUTION JE JOIN"
                                    + " BATCH_STEP_EXECUTION SE ON SE.JOB_EXECUTION_ID ="
                                    + " JE.JOB_EXECUTION_ID WHERE JE.JOB_INSTANCE_ID = ? AND"
                                    + " SE.STEP_NAME = ? ORDER BY SE.CREATE_TIME DESC,"
                                    + " SE.STEP_EXECUTION_ID DESC",
                            "BATCH_STEP_EXEC_JOB_EXEC_IX"));

    @Test
    void springBatchQueriesSearchAnIndexInsteadOfScanningTheHistory() throws Exception {
        // given
        try (SqliteJobRepository sqlite = new SqliteJobRepository(state)) {
            JdbcClient jdbc = JdbcClient.create(sqlite.dataSource());
            for (Query query : QUERIES) {
                // when
                List<String> plan = plan(jdbc, query.sql());

                // then
                assertThat(plan).as(query.sql()).anyMatch(step -> step.contains(query.index()));
                assertThat(plan)
                        .as(query.sql())
                        .noneMatch(step -> step.startsWith("SCAN "))
                        .noneMatch(step -> step.contains("AUTOMATIC"));
            }
        }
    }

    @Test
    void aRepositoryCreatedBeforeTheIndexesGetsThemAtTheNextStart() throws Exception {
        // given: a repository of the previous release, tables without indexes
        try (SqliteJobRepository sqlite = new SqliteJobRepository(state)) {
            JdbcClient jdbc = JdbcClient.create(sqlite.dataSource());
            for (String index : sqlite.indexes()) {
                jdbc.sql("DROP INDEX " + index).update();
            }
            assertThat(sqlite.indexes()).isEmpty();
        }

        // when
        try (SqliteJobRepository sqlite = new SqliteJobRepository(state)) {
            // then
            assertThat(sqlite.indexes())
                    .containsExactlyInAnyOrder(
                            "BATCH_JOB_INST_NAME_IX",
                            "BATCH_JOB_EXEC_INST_IX",
                            "BATCH_JOB_EXEC_STATUS_IX",
                            "BATCH_JOB_EXEC_PARAMS_EXEC_IX",
                            "BATCH_STEP_EXEC_JOB_EXEC_IX");
        }
    }

    /** The steps of SQLite's plan for {@code sql}, its parameters left unbound (NULL). */
    private static List<String> plan(JdbcClient jdbc, String sql) {
        return jdbc.sql("EXPLAIN QUERY PLAN " + sql)
                .query((rs, row) -> rs.getString("detail"))
                .list();
    }
}
