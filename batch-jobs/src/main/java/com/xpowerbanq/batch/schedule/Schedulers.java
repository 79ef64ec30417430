package com.xpowerbanq.batch.schedule;

import com.xpowerbanq.batch.launch.BanqProperties;
import com.xpowerbanq.batch.launch.JobPlacement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.simpl.RAMJobStore;
import org.quartz.spi.JobFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Quartz schedulers of {@code serve}. On one host, Spring Boot's in-memory scheduler holds
 * every schedule, as Boot registered them. In a cluster (the job repository in PostgreSQL) Boot's
 * scheduler keeps its store in that database, clustered, and holds only the schedules that run on
 * one host per fire ({@link JobPlacement#ONE_HOST}: the keepers and the prune), each fire taken by
 * exactly one host and the fire a dead host was running recovered by another; the index jobs, which
 * every host runs into its own series databases, have an in-memory scheduler of this host.
 */
final class Schedulers {
    private static final Logger log = LoggerFactory.getLogger(Schedulers.class);

    /** How long past its time a fire is still fired as it was due, not as missed. */
    static final long MISFIRE_THRESHOLD_MILLIS = 60_000;

    private final Scheduler shared;
    private final @Nullable Scheduler host;
    private final List<JobDetail> details;
    private final List<Trigger> triggers;
    private final Duration takeoverLockWait;

    private Schedulers(
            Scheduler shared,
            @Nullable Scheduler host,
            List<JobDetail> details,
            List<Trigger> triggers,
            Duration takeoverLockWait) {
        this.shared = shared;
        this.host = host;
        this.details = details;
        this.triggers = triggers;
        this.takeoverLockWait = takeoverLockWait;
    }

    /** One host: Boot's scheduler holds every schedule already. */
    static Schedulers single(Scheduler scheduler) {
        return new Schedulers(scheduler, null, List.of(), List.of(), Duration.ZERO);
    }

    /**
     * A cluster: {@code shared} is Boot's clustered scheduler (see {@link #clusteredStore}), to
     * which {@link #install} gives the one-host schedules; the rest go to a scheduler of this host
     * whose jobs {@code jobs} makes.
     */
    static Schedulers clustered(
            BanqProperties banq,
            Scheduler shared,
            List<JobDetail> details,
            List<Trigger> triggers,
            JobFactory jobs)
            throws SchedulerException {
        Properties local = new Properties();
        local.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, "banq-host");
        local.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, RAMJobStore.class.getName());
        local.setProperty("org.quartz.threadPool.threadCount", "4");
        Scheduler host = new StdSchedulerFactory(local).getScheduler();
        host.setJobFactory(jobs);
        return new Schedulers(shared, host, details, triggers, banq.cluster().takeoverLockWait());
    }

    /**
     * How long a fire taken over from a dead host waits for that host's job lock: none on one host,
     * where no such fire exists.
     */
    Duration takeoverLockWait() {
        return takeoverLockWait;
    }

    /** The Quartz properties of Boot's scheduler in a cluster of hosts named as {@code banq}. */
    static Properties clusteredStore(BanqProperties banq) {
        Properties quartz = new Properties();
        quartz.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, banq.host());
        quartz.setProperty("org.quartz.jobStore.isClustered", "true");
        quartz.setProperty(
                "org.quartz.jobStore.clusterCheckinInterval",
                String.valueOf(banq.cluster().checkinInterval().toMillis()));
        quartz.setProperty(
                "org.quartz.jobStore.driverDelegateClass", PostgreSQLDelegate.class.getName());
        quartz.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        quartz.setProperty(
                "org.quartz.jobStore.misfireThreshold", String.valueOf(MISFIRE_THRESHOLD_MILLIS));
        quartz.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        quartz.setProperty("org.quartz.threadPool.threadCount", "4");
        return quartz;
    }

    static boolean onOneHost(JobKey key) {
        return JobPlacement.of(key.getName()) == JobPlacement.ONE_HOST;
    }

    boolean clustered() {
        return host != null;
    }

    /** Whether this host's fire log, not Quartz, catches up a missed run of {@code job}. */
    boolean catchesUpByFireLog(String job) {
        return !clustered() || !onOneHost(ScheduleConfiguration.jobKey(job));
    }

    /**
     * Puts the schedules in place before the schedulers start. A one-host schedule already stored
     * by the cluster keeps its next fire time when its cron is unchanged, so a fire due while every
     * host was down is fired once when the first comes back (its misfire instruction); a changed or
     * new one is stored afresh, a disabled one removed.
     */
    void install() throws SchedulerException {
        if (host == null) {
            return;
        }
        for (JobDetail detail : details) {
            boolean oneHost = onOneHost(detail.getKey());
            Scheduler target = oneHost ? shared : host;
            target.addJob(
                    oneHost ? detail.getJobBuilder().requestRecovery(true).build() : detail, true);
        }
        for (Trigger trigger : triggers) {
            if (onOneHost(trigger.getJobKey())) {
                installShared(catchingUp(trigger));
            } else {
                host.scheduleJob(trigger);
            }
        }
        for (TriggerKey key :
                shared.getTriggerKeys(org.quartz.impl.matchers.GroupMatcher.anyTriggerGroup())) {
            // Quartz's own recovery triggers are in groups of their own
            boolean ours =
                    key.getGroup().equals(ScheduleTriggers.GROUP)
                            || key.getGroup().equals(PruneConfiguration.KEY.getGroup());
            if (ours && triggers.stream().noneMatch(t -> t.getKey().equals(key))) {
                log.info("schedule {} is not configured here any more; removing it", key);
                shared.unscheduleJob(key);
            }
        }
    }

    private void installShared(Trigger wanted) throws SchedulerException {
        Trigger stored = shared.getTrigger(wanted.getKey());
        if (stored == null) {
            shared.scheduleJob(wanted);
        } else if (!sameSchedule(stored, wanted)) {
            log.info("schedule {} changed; storing it anew", wanted.getKey());
            shared.rescheduleJob(wanted.getKey(), wanted);
        }
    }

    private static boolean sameSchedule(Trigger stored, Trigger wanted) {
        return stored instanceof CronTrigger a
                && wanted instanceof CronTrigger b
                && a.getCronExpression().equals(b.getCronExpression())
                && a.getTimeZone().hasSameRules(b.getTimeZone())
                && a.getMisfireInstruction() == b.getMisfireInstruction();
    }

    /** A one-host cron whose missed fire is fired once at the next start of any host. */
    private static Trigger catchingUp(Trigger trigger) {
        if (!(trigger instanceof CronTrigger cron)) {
            return trigger;
        }
        return cron.getTriggerBuilder()
                .withSchedule(
                        CronScheduleBuilder.cronSchedule(cron.getCronExpression())
                                .inTimeZone(cron.getTimeZone())
                                .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    void start() throws SchedulerException {
        shared.start();
        if (host != null) {
            host.start();
        }
    }

    void standby() throws SchedulerException {
        shared.standby();
        if (host != null) {
            host.standby();
        }
    }

    /** Fires {@code job} once now, on whichever scheduler holds it. */
    void triggerNow(String job, JobDataMap data) throws SchedulerException {
        JobKey key = ScheduleConfiguration.jobKey(job);
        (host != null && !onOneHost(key) ? host : shared).triggerJob(key, data);
    }

    int executing() throws SchedulerException {
        int running = shared.getCurrentlyExecutingJobs().size();
        return host == null ? running : running + host.getCurrentlyExecutingJobs().size();
    }

    /** Ends this host's own scheduler; Boot's ends with the context. */
    void shutdown() {
        if (host != null) {
            try {
                host.shutdown(true);
            } catch (SchedulerException e) {
                log.warn("could not shut down the host scheduler: {}", e.getMessage());
            }
        }
    }
}
