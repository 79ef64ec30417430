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
 * The {@code retwap} job: one partition per selected RT series, kept in parallel by the keeper
 * workers. Parameters: {@code series=all|ID,…}, {@code broadcast=true} to send, {@code
 * percent-min}, {@code percent-max}, {@code amount}.
 */
@Configuration(proxyBeanMethods = false)
class RetwapJobConfiguration {

    @Bean
    Job retwapJob(
            JobRepository jobRepository,
            KeeperSessions sessions,
            @Qualifier("retwapPartitionStep") Step retwapPartitionStep) {
        return new JobBuilder(KeeperJobs.RETWAP, jobRepository)
                .validator(new KeeperParametersValidator(Kind.RT))
                .listener(sessions)
                .start(retwapPartitionStep)
                .build();
    }

    @Bean
    Step retwapPartitionStep(
            JobRepository jobRepository,
            Partitioner retwapPartitioner,
            KeeperTasklet keeperTasklet,
            KeeperProperties properties) {
        Step series =
                new StepBuilder(KeeperJobs.RETWAP_STEP, jobRepository)
                        .tasklet(keeperTasklet, new ResourcelessTransactionManager())
                        .build();
        return new StepBuilder(KeeperJobs.RETWAP_PARTITION_STEP, jobRepository)
                .partitioner(KeeperJobs.RETWAP_STEP, retwapPartitioner)
                .step(series)
                .taskExecutor(KeeperConfiguration.workers(KeeperJobs.RETWAP, properties))
                .build();
    }

    @Bean
    @StepScope
    Partitioner retwapPartitioner(
            @Value("#{jobParameters['" + KeeperJobs.SERIES + "']}") @Nullable String series) {
        return new KeeperPartitioner(series, Kind.RT);
    }
}
