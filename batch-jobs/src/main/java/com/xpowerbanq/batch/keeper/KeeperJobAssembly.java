package com.xpowerbanq.batch.keeper;

import com.xpowerbanq.batch.journal.JobLogContext;
import com.xpowerbanq.batch.launch.JobNames;
import com.xpowerbanq.schema.Kind;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds a keeper job: one partition per selected series of the job's kind, kept in parallel by the
 * keeper workers, each partition the keeper tasklet.
 */
@Configuration(proxyBeanMethods = false)
class KeeperJobAssembly {

    /** Builds the keeper job of a name in {@link KeeperJobs}. */
    @FunctionalInterface
    interface KeeperJobFactory {
        Job job(String name);
    }

    @Bean
    KeeperJobFactory keeperJobFactory(
            JobRepository repository,
            KeeperSessions sessions,
            KeeperTasklet tasklet,
            KeeperProperties properties,
            @Qualifier("keeperPartitioner") Partitioner partitioner,
            JobLogContext logContext,
            ObjectProvider<ObservationRegistry> observationRegistry) {
        // Spring Batch's step metrics: these steps are no beans for Spring Boot to reach
        ObservationRegistry observations =
                observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP);
        return name -> {
            Step series =
                    new StepBuilder(JobNames.seriesStep(name), repository)
                            .observationRegistry(observations)
                            .tasklet(tasklet, new ResourcelessTransactionManager())
                            .listener(logContext)
                            .build();
            Step partitions =
                    new StepBuilder(JobNames.partitionStep(name), repository)
                            .observationRegistry(observations)
                            .partitioner(JobNames.seriesStep(name), partitioner)
                            .step(series)
                            .taskExecutor(KeeperConfiguration.workers(name, properties))
                            .listener(logContext)
                            .build();
            return new JobBuilder(name, repository)
                    .validator(new KeeperParametersValidator(kindOf(name)))
                    .listener(sessions)
                    .start(partitions)
                    .build();
        };
    }

    /** The selected series of the running keeper job's kind, one partition each. */
    @Bean
    @StepScope
    Partitioner keeperPartitioner(
            @Value("#{stepExecution.jobExecution.jobInstance.jobName}") String job,
            @Value("#{jobParameters['" + KeeperJobs.SERIES + "']}") @Nullable String series) {
        return new KeeperPartitioner(series, kindOf(job));
    }

    static Kind kindOf(String job) {
        return switch (job) {
            case KeeperJobs.REINDEX -> Kind.RI;
            case KeeperJobs.RETWAP -> Kind.RT;
            default -> throw new IllegalArgumentException("not a keeper job: " + job);
        };
    }
}
