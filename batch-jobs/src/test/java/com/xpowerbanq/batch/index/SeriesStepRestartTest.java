package com.xpowerbanq.batch.index;

import static com.xpowerbanq.batch.index.SeriesPartitions.PAIR;
import static com.xpowerbanq.batch.index.SeriesPartitions.windowsOfTen;
import static org.assertj.core.api.Assertions.assertThat;

import com.xpowerbanq.batch.launch.JobNames;
import com.xpowerbanq.batch.launch.SqliteJobRepository;
import com.xpowerbanq.chain.rpc.ChainClient;
import com.xpowerbanq.chain.rpc.ChainLog;
import com.xpowerbanq.chain.rpc.ChainUnavailableException;
import com.xpowerbanq.chain.rpc.LogQuery;
import com.xpowerbanq.chain.rpc.QuietChain;
import com.xpowerbanq.schema.SeriesDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The chunk step of one series partition, run through {@code JobOperatorTestUtils} on a job
 * repository in a SQLite file made by the application's own schema script: a run that fails when
 * the chain stops answering is restarted on the context the repository saved at its last commit.
 */
class SeriesStepRestartTest {
    private static final long HEAD = 39;

    @TempDir Path state;

    private SqliteJobRepository sqlite;
    private JobRepository repository;
    private DataSourceTransactionManager transactions;
    private JobOperatorTestUtils launcher;

    /** A chain that stops answering eth_getLogs for blocks from {@code down} on. */
    record ChainDownFrom(RefreshChain chain, long down) implements QuietChain {
        @Override
        public long latestBlock() {
            return chain.latestBlock();
        }

        @Override
        public OptionalLong finalizedBlock() {
            return chain.finalizedBlock();
        }

        @Override
        public List<ChainLog> logs(LogQuery query) {
            if (query.toBlock() >= down) {
                throw new ChainUnavailableException(
                        "http://127.0.0.1:9", "eth_getLogs", "connection refused", null);
            }
            return chain.logs(query);
        }
    }

    @BeforeEach
    void startRepository() throws Exception {
        sqlite = new SqliteJobRepository(state);
        repository = sqlite.repository();
        transactions = sqlite.transactions();
        launcher = new JobOperatorTestUtils(sqlite.operator(), repository);
    }

    @AfterEach
    void closeRepository() {
        sqlite.close();
    }

    /** The series step as the index job assembles it, reading from {@code chain}. */
    private Step seriesStep(ChainClient chain) {
        return IndexJobAssembly.series(
                JobNames.RETWAP_WATCH,
                repository,
                transactions,
                SeriesPartitions.reader(PAIR, windowsOfTen(), chain, state),
                new RawLogWriter(state.resolve(PAIR.stateFile()), PAIR.kind()));
    }

    private static StepExecution only(JobExecution execution) {
        assertThat(execution.getStepExecutions()).hasSize(1);
        return execution.getStepExecutions().iterator().next();
    }

    private long count(String sql) throws Exception {
        try (Connection connection =
                        DriverManager.getConnection(
                                SeriesDatabase.readOnlyUrl(state.resolve(PAIR.stateFile())));
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aStepFailedByAnUnreachableChainResumesAtItsLastCommitAndWritesEveryEventOnce()
            throws Exception {
        // given: the chain stops answering from block 20 on, in the first run's second chunk
        List<ScanItem> all =
                SeriesPartitions.read(openedReader(new RefreshChain(HEAD)), Integer.MAX_VALUE);
        JobExecution failed =
                launcher.startStep(
                        seriesStep(new ChainDownFrom(new RefreshChain(HEAD), 20)),
                        windowsOfTen(),
                        new ExecutionContext());

        // when: the same instance is launched again with the chain back
        RefreshChain chain = new RefreshChain(HEAD);
        JobExecution resumed =
                launcher.startStep(seriesStep(chain), windowsOfTen(), new ExecutionContext());

        // then: the restart read on from the first chunk's commit, inside the second window
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(resumed.getJobInstance().getInstanceId())
                .isEqualTo(failed.getJobInstance().getInstanceId());
        assertThat(chain.askedRanges()).containsExactly("10..19", "20..29", "30..39");
        long events = count("SELECT count(*) FROM raw_logs");
        assertThat(events).isEqualTo(all.stream().filter(SeriesRow.class::isInstance).count());
        assertThat(only(failed).getWriteCount() + only(resumed).getWriteCount())
                .isEqualTo(all.size());
        assertThat(only(resumed).getExecutionContext().getLong(RawLogWriter.INSERTED))
                .isEqualTo(events);
        assertThat(count("SELECT sum(n) FROM daily_rollup")).isEqualTo(events);
    }

    private BlockWindowLogReader openedReader(RefreshChain chain) {
        BlockWindowLogReader reader =
                SeriesPartitions.reader(PAIR, windowsOfTen(), chain, state.resolve("elsewhere"));
        reader.open(new ExecutionContext());
        return reader;
    }
}
