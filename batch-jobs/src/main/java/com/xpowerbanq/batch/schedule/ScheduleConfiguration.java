package com.xpowerbanq.batch.schedule;

import com.xpowerbanq.batch.index.LoggedProgress;
import com.xpowerbanq.batch.index.ScanProgress;
import com.xpowerbanq.batch.launch.BanqProperties;
import com.xpowerbanq.batch.launch.JobRepositoryConfiguration;
import com.xpowerbanq.batch.launch.JobRunner;
import java.time.Clock;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.scheduling.quartz.SpringBeanJobFactory;

/**
 * The Quartz side of {@code serve}: a JobDetail and a cron Trigger bean per schedule (a disabled
 * schedule has no trigger), collected by Spring Boot's Quartz auto-configuration. Only a context
 * started with {@link ScheduleDaemon#SERVE} has any of it (without it {@link
 * ServeOnlyAutoConfigurations} also excludes Spring Boot's Quartz auto-configuration), so {@code
 * run}, {@code status} and the other commands neither create a scheduler nor fire anything; and
 * even then the scheduler does not start with the context: only {@link ScheduleDaemon} starts it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(ScheduleDaemon.SERVE)
@EnableConfigurationProperties(ScheduleProperties.class)
class ScheduleConfiguration {
    static JobKey jobKey(String job) {
        return JobKey.jobKey(job, ScheduleTriggers.GROUP);
    }

    @Bean
    SchedulerFactoryBeanCustomizer schedulerSettings(BanqProperties banq, DataSource dataSource) {
        return factory -> {
            factory.setAutoStartup(false);
            factory.setWaitForJobsToCompleteOnShutdown(true);
            if (banq.clustered()) {
                // the store in the cluster's database; Schedulers.install puts the schedules in
                DataSource pool = JobRepositoryConfiguration.pool(dataSource);
                factory.setDataSource(pool);
                factory.setTransactionManager(new DataSourceTransactionManager(pool));
                factory.setQuartzProperties(Schedulers.clusteredStore(banq));
                factory.setJobDetails();
                factory.setTriggers();
            }
        };
    }

    @Bean
    Schedulers schedulers(
            Scheduler scheduler,
            BanqProperties banq,
            ObjectProvider<JobDetail> details,
            ObjectProvider<Trigger> triggers,
            ApplicationContext context)
            throws SchedulerException {
        if (!banq.clustered()) {
            return Schedulers.single(scheduler);
        }
        SpringBeanJobFactory jobs = new SpringBeanJobFactory();
        jobs.setApplicationContext(context);
        return Schedulers.clustered(
                banq,
                scheduler,
                details.orderedStream().toList(),
                triggers.orderedStream().toList(),
                jobs);
    }

    @Bean
    JobDetail reindexJobDetail(ScheduleProperties properties) {
        return detail(ScheduleProperties.REINDEX, properties);
    }

    @Bean
    @Nullable Trigger reindexTrigger(ScheduleProperties properties) {
        return trigger(ScheduleProperties.REINDEX, properties);
    }

    @Bean
    JobDetail reindexWatchJobDetail(ScheduleProperties properties) {
        return detail(ScheduleProperties.REINDEX_WATCH, properties);
    }

    @Bean
    @Nullable Trigger reindexWatchTrigger(ScheduleProperties properties) {
        return trigger(ScheduleProperties.REINDEX_WATCH, properties);
    }

    @Bean
    JobDetail retwapJobDetail(ScheduleProperties properties) {
        return detail(ScheduleProperties.RETWAP, properties);
    }

    @Bean
    @Nullable Trigger retwapTrigger(ScheduleProperties properties) {
        return trigger(ScheduleProperties.RETWAP, properties);
    }

    @Bean
    JobDetail retwapWatchJobDetail(ScheduleProperties properties) {
        return detail(ScheduleProperties.RETWAP_WATCH, properties);
    }

    @Bean
    @Nullable Trigger retwapWatchTrigger(ScheduleProperties properties) {
        return trigger(ScheduleProperties.RETWAP_WATCH, properties);
    }

    private static JobDetail detail(String job, ScheduleProperties properties) {
        JobBuilder builder =
                JobBuilder.newJob(LaunchScheduledJob.class)
                        .withIdentity(jobKey(job))
                        .withDescription("launches the Spring Batch job " + job)
                        .usingJobData(LaunchScheduledJob.JOB_NAME, job)
                        .storeDurably();
        properties
                .byJob()
                .get(job)
                .jobParameters()
                .forEach(
                        (name, value) ->
                                builder.usingJobData(LaunchScheduledJob.PARAMETER + name, value));
        return builder.build();
    }

    private static @Nullable Trigger trigger(String job, ScheduleProperties properties) {
        return ScheduleTriggers.of(job, properties).orElse(null);
    }

    /** The daemon's scan progress goes to the log at DEBUG, not to a console. */
    @Bean
    ScanProgress scanProgress() {
        return new LoggedProgress();
    }

    @Bean
    FireLog fireLog(DataSource dataSource, BanqProperties banq) {
        return new FireLog(dataSource, banq);
    }

    @Bean
    ScheduledLauncher scheduledLauncher(
            JobRunner jobRunner,
            JobRepository jobRepository,
            JobOperator jobOperator,
            ScheduleProperties properties) {
        return new ScheduledLauncher(
                jobRunner, jobRepository, jobOperator, properties.maxRestarts());
    }

    @Bean
    ScheduleDaemon scheduleDaemon(
            Schedulers schedulers,
            ScheduleProperties properties,
            ScheduledLauncher launcher,
            FireLog fireLog,
            JobOperator jobOperator) {
        return new ScheduleDaemon(
                schedulers, properties, launcher, fireLog, jobOperator, Clock.systemUTC());
    }
}
