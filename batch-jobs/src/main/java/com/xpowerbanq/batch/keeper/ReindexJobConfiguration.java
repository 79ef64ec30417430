package com.xpowerbanq.batch.keeper;

import org.springframework.batch.core.job.Job;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code reindex} job: one partition per selected RI series, kept in parallel by the keeper
 * workers. Parameters: {@code series=all|ID,…}, {@code broadcast=true} to send.
 */
@Configuration(proxyBeanMethods = false)
class ReindexJobConfiguration {

    @Bean
    Job reindexJob(KeeperJobAssembly.KeeperJobFactory jobs) {
        return jobs.job(KeeperJobs.REINDEX);
    }
}
