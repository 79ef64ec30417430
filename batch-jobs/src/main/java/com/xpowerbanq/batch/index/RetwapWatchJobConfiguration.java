package com.xpowerbanq.batch.index;

import com.xpowerbanq.batch.launch.JobNames;
import org.springframework.batch.core.job.Job;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code retwap-watch}: the Refresh events of RT series into their rt-…db files. */
@Configuration(proxyBeanMethods = false)
class RetwapWatchJobConfiguration {

    @Bean
    Job retwapWatchJob(WatchJobFactory.WatchJobs jobs) {
        return jobs.job(JobNames.RETWAP_WATCH);
    }
}
