package com.xpowerbanq.batch.schedule;

import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The scheduled prune of {@code serve}: a JobDetail and a cron Trigger (UTC) for {@link
 * PruneRepositoryJob}, collected by Spring Boot's Quartz auto-configuration like the job schedules,
 * but in a group of its own: it launches no Spring Batch job.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(ScheduleDaemon.SERVE)
@EnableConfigurationProperties(PruneProperties.class)
class PruneConfiguration {
    static final JobKey KEY = JobKey.jobKey("prune", "banq-maintenance");

    @Bean
    @ConditionalOnBooleanProperty(name = "banq.prune.enabled", matchIfMissing = true)
    JobDetail pruneJobDetail(PruneProperties properties) {
        return JobBuilder.newJob(PruneRepositoryJob.class)
                .withIdentity(KEY)
                .withDescription("deletes job executions finished before " + properties.olderThan())
                .storeDurably()
                .build();
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "banq.prune.enabled", matchIfMissing = true)
    Trigger pruneTrigger(PruneProperties properties) {
        return TriggerBuilder.newTrigger()
                .forJob(KEY)
                .withIdentity(KEY.getName(), KEY.getGroup())
                .withSchedule(
                        CronScheduleBuilder.cronSchedule(properties.cron())
                                .inTimeZone(TimeZone.getTimeZone("UTC"))
                                // a prune missed while the daemon was down waits for the next one
                                .withMisfireHandlingInstructionDoNothing())
                .build();
    }
}
