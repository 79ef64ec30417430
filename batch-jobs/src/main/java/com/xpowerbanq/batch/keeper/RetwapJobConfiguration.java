package com.xpowerbanq.batch.keeper;

import org.springframework.batch.core.job.Job;
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
    Job retwapJob(KeeperJobAssembly.KeeperJobFactory jobs) {
        return jobs.job(KeeperJobs.RETWAP);
    }
}
