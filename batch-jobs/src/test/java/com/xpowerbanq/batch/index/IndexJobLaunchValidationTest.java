package com.xpowerbanq.batch.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.xpowerbanq.batch.launch.JobNames;
import com.xpowerbanq.batch.launch.StringParameters;
import com.xpowerbanq.chain.rpc.BlockBounds;
import com.xpowerbanq.chain.rpc.QuietChain;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.batch.core.repository.support.ResourcelessJobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.core.task.SyncTaskExecutor;

/**
 * The index jobs as assembled check their parameters when launched, before any step runs. The
 * partitioned step is replaced by one that counts its runs, so no chain and no database is needed.
 */
class IndexJobLaunchValidationTest {
    private final AtomicInteger stepRuns = new AtomicInteger();

    /** A chain at block 1000 that knows no finalized tag. */
    record ChainAt1000() implements QuietChain {
        @Override
        public long latestBlock() {
            return 1000;
        }
    }

    /** A chain a launch must not ask. */
    record UnaskedChain() implements QuietChain {
        @Override
        public long latestBlock() {
            throw new AssertionError("the validator asked the chain");
        }
    }

    private JobOperatorTestUtils launcher(String job, QuietChain chain) throws Exception {
        ResourcelessJobRepository repository = new ResourcelessJobRepository();
        TaskExecutorJobOperator operator = new TaskExecutorJobOperator();
        operator.setJobRepository(repository);
        operator.setJobRegistry(new MapJobRegistry());
        operator.setTaskExecutor(new SyncTaskExecutor());
        operator.afterPropertiesSet();
        Step partitions =
                new StepBuilder(JobNames.partitionStep(job), repository)
                        .tasklet(
                                (contribution, context) -> {
                                    stepRuns.incrementAndGet();
                                    return RepeatStatus.FINISHED;
                                },
                                new ResourcelessTransactionManager())
                        .build();
        BlockBounds bounds = new BlockBounds(chain, 64);
        JobOperatorTestUtils launcher = new JobOperatorTestUtils(operator, repository);
        launcher.setJob(IndexJobAssembly.job(job, repository, partitions, () -> bounds));
        return launcher;
    }

    @Test
    void theLaunchersOwnParametersAreAcceptedAndTheJobRuns() throws Exception {
        // given: what the CLI (run) and the scheduler (fired, trigger) add to a launch
        JobParameters launch =
                StringParameters.of(
                        JobNames.RUN,
                        "1764633600000",
                        "fired",
                        "2026-12-01T06:45:00Z",
                        "trigger",
                        "cron",
                        IndexJobParameters.SERIES,
                        "APOW:supply:P000");

        // when
        var execution = launcher(JobNames.REINDEX_WATCH, new UnaskedChain()).startJob(launch);

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(stepRuns).hasValue(1);
    }

    @Test
    void anUnknownParameterRefusesTheLaunchBeforeAnyStepListingTheAcceptedNames() throws Exception {
        // given
        JobOperatorTestUtils launcher = launcher(JobNames.RETWAP_WATCH, new UnaskedChain());

        // when / then
        assertThatThrownBy(() -> launcher.startJob(StringParameters.of("windows", "5")))
                .isInstanceOf(InvalidJobParametersException.class)
                .hasMessage("unknown parameter 'windows': use series, window, from, to, rescan");
        assertThat(stepRuns).hasValue(0);
    }

    @Test
    void eachIndexJobTakesTheKindOfItsSeriesFromItsName() throws Exception {
        // given
        JobParameters pool = StringParameters.of(IndexJobParameters.SERIES, "APOW:supply:P000");

        // when / then
        assertThatThrownBy(() -> launcher(JobNames.RETWAP_WATCH, new UnaskedChain()).startJob(pool))
                .isInstanceOf(InvalidJobParametersException.class)
                .hasMessageContaining("is an RI series; this job indexes RT series");
        assertThat(launcher(JobNames.REINDEX_WATCH, new UnaskedChain()).startJob(pool).getStatus())
                .isEqualTo(BatchStatus.COMPLETED);
    }

    @Test
    void aSeriesNamedAsTheWebUiNamesItRunsAndAnUnknownNameIsRefused() throws Exception {
        // given
        JobParameters byApiName = StringParameters.of(IndexJobParameters.SERIES, "rt_apow_wavax_1");
        JobParameters unknown = StringParameters.of(IndexJobParameters.SERIES, "rt_apow_avax_1");

        // when / then
        assertThat(
                        launcher(JobNames.RETWAP_WATCH, new UnaskedChain())
                                .startJob(byApiName)
                                .getStatus())
                .isEqualTo(BatchStatus.COMPLETED);
        assertThatThrownBy(
                        () -> launcher(JobNames.RETWAP_WATCH, new UnaskedChain()).startJob(unknown))
                .isInstanceOf(InvalidJobParametersException.class)
                .hasMessageContaining("series=rt_apow_avax_1")
                .hasMessageContaining("`banq batch list`");
    }

    @Test
    void typedParametersAreReadAsTheirText() throws Exception {
        // given: numbers as a launcher may type them
        JobParameters typed =
                new JobParametersBuilder()
                        .addLong(IndexJobParameters.WINDOW, 100L)
                        .addLong(IndexJobParameters.FROM, 5L)
                        .addLong(IndexJobParameters.TO, 900L)
                        .toJobParameters();

        // when
        var execution = launcher(JobNames.REINDEX_WATCH, new ChainAt1000()).startJob(typed);

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    @Test
    void withoutAFinalizedTagTheUpperBoundIsTheLatestBlockLessTheConfirmations() throws Exception {
        // given: latest 1000, 64 confirmations
        JobOperatorTestUtils launcher = launcher(JobNames.REINDEX_WATCH, new ChainAt1000());

        // when / then
        assertThatThrownBy(
                        () ->
                                launcher.startJob(
                                        StringParameters.of(IndexJobParameters.FROM, "937")))
                .isInstanceOf(InvalidJobParametersException.class)
                .hasMessageContaining("from=937 is above the upper bound, the finalized block 936");
        assertThat(
                        launcher.startJob(StringParameters.of(IndexJobParameters.FROM, "936"))
                                .getStatus())
                .isEqualTo(BatchStatus.COMPLETED);
    }

    @Test
    void windowsBackOrTheDeployBlockUnderATagNeverAskTheChainAtLaunch() throws Exception {
        for (String from : new String[] {"-5", "deploy"}) {
            for (String to : new String[] {"finalized", "latest"}) {
                // when
                var execution =
                        launcher(JobNames.RETWAP_WATCH, new UnaskedChain())
                                .startJob(
                                        StringParameters.of(
                                                IndexJobParameters.FROM, from,
                                                IndexJobParameters.TO, to));

                // then
                assertThat(execution.getStatus())
                        .as("from=%s to=%s", from, to)
                        .isEqualTo(BatchStatus.COMPLETED);
            }
        }
    }
}
