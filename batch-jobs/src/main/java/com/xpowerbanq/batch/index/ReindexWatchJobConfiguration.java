package com.xpowerbanq.batch.index;

import com.xpowerbanq.batch.launch.JobNames;
import org.springframework.batch.core.job.Job;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code reindex-watch}: the Reindex events of RI series into their ri-…db files. */
@Configuration(proxyBeanMethods = false)
class ReindexWatchJobConfiguration {

    @Bean
    Job reindexWatchJob(WatchJobFactory.WatchJobs jobs) {
        return jobs.job(JobNames.REINDEX_WATCH);
    }
}
