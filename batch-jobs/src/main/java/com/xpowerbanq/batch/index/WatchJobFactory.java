package com.xpowerbanq.batch.index;

import com.xpowerbanq.batch.journal.JobLogContext;
import com.xpowerbanq.chain.rpc.BlockBounds;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds a watch job by name over the beans both index jobs share (the step-scoped partitioner,
 * reader and writer, the series workers), as {@link IndexJobAssembly} lays it out.
 */
@Configuration(proxyBeanMethods = false)
class WatchJobFactory {

    /** Builds the index job of a name in {@code JobNames}. */
    @FunctionalInterface
    interface WatchJobs {
        Job job(String name);
    }

    @Bean
    WatchJobs watchJobs(
            JobRepository repository,
            PlatformTransactionManager transactions,
            SeriesPartitioner partitioner,
            BlockWindowLogReader reader,
            RawLogWriter writer,
            @Qualifier("seriesTaskExecutor") TaskExecutor executor,
            ObjectProvider<BlockBounds> bounds,
            JobLogContext logContext,
            ObjectProvider<ObservationRegistry> observationRegistry) {
        // Spring Batch's step and chunk metrics: the steps built here are no beans for Spring
        // Boot to hand the registry to, as it does to the jobs
        ObservationRegistry observations =
                observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP);
        return name ->
                IndexJobAssembly.job(
                        name,
                        repository,
                        logContext.on(
                                IndexJobAssembly.partitions(
                                        name,
                                        repository,
                                        partitioner,
                                        logContext.on(
                                                IndexJobAssembly.series(
                                                        name,
                                                        repository,
                                                        transactions,
                                                        reader,
                                                        writer,
                                                        observations)),
                                        executor,
                                        observations)),
                        bounds::getObject);
    }
}
