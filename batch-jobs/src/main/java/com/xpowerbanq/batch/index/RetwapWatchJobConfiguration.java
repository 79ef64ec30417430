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

/** {@code retwap-watch}: the Refresh events of RT series into their rt-…db files. */
@Configuration(proxyBeanMethods = false)
class RetwapWatchJobConfiguration {
    private static final String JOB = JobNames.RETWAP_WATCH;

    @Bean
    Job retwapWatchJob(
            JobRepository repository,
            @Qualifier("retwapWatchPartitions") Step partitions,
            ObjectProvider<BlockBounds> bounds) {
        return IndexJobAssembly.job(JOB, repository, partitions, bounds::getObject);
    }

    @Bean
    Step retwapWatchPartitions(
            JobRepository repository,
            SeriesPartitioner partitioner,
            @Qualifier("retwapWatchSeries") Step series,
            @Qualifier("seriesTaskExecutor") TaskExecutor executor) {
        return IndexJobAssembly.partitions(JOB, repository, partitioner, series, executor);
    }

    @Bean
    Step retwapWatchSeries(
            JobRepository repository,
            PlatformTransactionManager transactions,
            BlockWindowLogReader reader,
            RawLogWriter writer) {
        return IndexJobAssembly.series(JOB, repository, transactions, reader, writer);
    }
}
