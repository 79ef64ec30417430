package com.xpowerbanq.batch.index;

import com.xpowerbanq.batch.launch.JobNames;
import com.xpowerbanq.chain.rpc.BlockBounds;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/** {@code reindex-watch}: the Reindex events of RI series into their ri-…db files. */
@Configuration(proxyBeanMethods = false)
class ReindexWatchJobConfiguration {
    private static final String JOB = JobNames.REINDEX_WATCH;

    @Bean
    Job reindexWatchJob(
            JobRepository repository,
            @Qualifier("reindexWatchPartitions") Step partitions,
            ObjectProvider<BlockBounds> bounds) {
        return IndexJobAssembly.job(JOB, repository, partitions, bounds::getObject);
    }

    @Bean
    Step reindexWatchPartitions(
            JobRepository repository,
            SeriesPartitioner partitioner,
            @Qualifier("reindexWatchSeries") Step series,
            @Qualifier("seriesTaskExecutor") TaskExecutor executor) {
        return IndexJobAssembly.partitions(JOB, repository, partitioner, series, executor);
    }

    @Bean
    Step reindexWatchSeries(
            JobRepository repository,
            PlatformTransactionManager transactions,
            BlockWindowLogReader reader,
            RawLogWriter writer) {
        return IndexJobAssembly.series(JOB, repository, transactions, reader, writer);
    }
}
