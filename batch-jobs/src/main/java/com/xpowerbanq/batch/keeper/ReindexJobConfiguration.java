package com.xpowerbanq.batch.keeper;

import com.xpowerbanq.schema.Kind;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code reindex} job: one partition per selected RI series, kept in parallel by the keeper
 * workers. Parameters: {@code series=all|ID,…}, {@code broadcast=true} to send.
 */
@Configuration(proxyBeanMethods = false)
class ReindexJobConfiguration {

    @Bean
    Job reindexJob(
            JobRepository jobRepository,
            KeeperSessions sessions,
            @Qualifier("reindexPartitionStep") Step reindexPartitionStep) {
        return new JobBuilder(KeeperJobs.REINDEX, jobRepository)
                .validator(new KeeperParametersValidator(Kind.RI))
                .listener(sessions)
                .start(reindexPartitionStep)
                .build();
    }

    @Bean
    Step reindexPartitionStep(
            JobRepository jobRepository,
            Partitioner reindexPartitioner,
            KeeperTasklet keeperTasklet,
            KeeperProperties properties) {
        Step series =
                new StepBuilder(KeeperJobs.REINDEX_STEP, jobRepository)
                        .tasklet(keeperTasklet, new ResourcelessTransactionManager())
                        .build();
        return new StepBuilder(KeeperJobs.REINDEX_PARTITION_STEP, jobRepository)
                .partitioner(KeeperJobs.REINDEX_STEP, reindexPartitioner)
                .step(series)
                .taskExecutor(KeeperConfiguration.workers(KeeperJobs.REINDEX, properties))
                .build();
    }

    @Bean
    @StepScope
    Partitioner reindexPartitioner(
            @Value("#{jobParameters['" + KeeperJobs.SERIES + "']}") @Nullable String series) {
        return new KeeperPartitioner(series, Kind.RI);
    }
}
