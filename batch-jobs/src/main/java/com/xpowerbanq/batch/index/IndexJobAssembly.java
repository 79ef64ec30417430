package com.xpowerbanq.batch.index;

import com.xpowerbanq.batch.launch.JobNames;
import com.xpowerbanq.chain.rpc.BlockBounds;
import io.micrometer.observation.ObservationRegistry;
import java.util.function.Supplier;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.core.task.TaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/** Builds an index job: a partitioned step over the series, each partition a chunk step. */
final class IndexJobAssembly {
    private IndexJobAssembly() {}

    static Job job(
            String name, JobRepository repository, Step partitions, Supplier<BlockBounds> bounds) {
        return new JobBuilder(name, repository)
                .validator(new IndexJobParametersValidator(IndexConfiguration.kindOf(name), bounds))
                .start(partitions)
                .build();
    }

    static Step partitions(
            String job,
            JobRepository repository,
            SeriesPartitioner partitioner,
            Step series,
            TaskExecutor executor,
            ObservationRegistry observations) {
        return new StepBuilder(JobNames.partitionStep(job), repository)
                .observationRegistry(observations)
                .partitioner(JobNames.seriesStep(job), partitioner)
                .step(series)
                .taskExecutor(executor)
                .build();
    }

    /** The series step without metrics. */
    static Step series(
            String job,
            JobRepository repository,
            PlatformTransactionManager transactions,
            BlockWindowLogReader reader,
            RawLogWriter writer) {
        return series(job, repository, transactions, reader, writer, ObservationRegistry.NOOP);
    }

    static Step series(
            String job,
            JobRepository repository,
            PlatformTransactionManager transactions,
            BlockWindowLogReader reader,
            RawLogWriter writer,
            ObservationRegistry observations) {
        return new StepBuilder(JobNames.seriesStep(job), repository)
                .<ScanItem, ScanItem>chunk(IndexConfiguration.CHUNK)
                .observationRegistry(observations)
                .transactionManager(transactions)
                .reader(reader)
                .writer(writer)
                .listener(new SkipNote())
                .build();
    }

    /** Puts a skipped series' reason into its exit description. */
    static final class SkipNote implements StepExecutionListener {
        @Override
        public ExitStatus afterStep(StepExecution step) {
            var context = step.getExecutionContext();
            if (context.containsKey(ScanPlan.SKIP)) {
                return step.getExitStatus()
                        .addExitDescription("skipped: " + context.getString(ScanPlan.SKIP));
            }
            return step.getExitStatus();
        }
    }
}
