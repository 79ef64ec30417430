package com.xpowerbanq.batch.schedule;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The Quartz job of every schedule: turns its data map into job parameters and hands the fire to
 * the daemon, which waits the random delay and launches the Spring Batch job. Never runs twice at
 * once for the same schedule.
 */
@DisallowConcurrentExecution
public class LaunchScheduledJob extends QuartzJobBean {
    private static final Logger log = LoggerFactory.getLogger(LaunchScheduledJob.class);
    static final String JOB_NAME = "banq.job";
    static final String PARAMETER = "banq.parameter.";
    static final String TRIGGER = "banq.trigger";

    /** The trigger kind of a fire that a host of the cluster was running when it died. */
    static final String RECOVERED = "recovered";

    private final ScheduleDaemon daemon;

    public LaunchScheduledJob(ScheduleDaemon daemon) {
        this.daemon = daemon;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        JobDataMap data = context.getMergedJobDataMap();
        Map<String, String> parameters = new HashMap<>();
        for (String key : data.getKeys()) {
            if (key.startsWith(PARAMETER)) {
                parameters.put(key.substring(PARAMETER.length()), data.getString(key));
            }
        }
        String trigger = data.containsKey(TRIGGER) ? data.getString(TRIGGER) : "cron";
        Instant fired =
                (context.getScheduledFireTime() != null
                                ? context.getScheduledFireTime()
                                : context.getFireTime())
                        .toInstant();
        if (context.isRecovering()) {
            trigger = RECOVERED;
            String due =
                    data.getString(
                            Scheduler
                                    .FAILED_JOB_ORIGINAL_TRIGGER_SCHEDULED_FIRETIME_IN_MILLISECONDS);
            if (due != null) {
                fired = Instant.ofEpochMilli(Long.parseLong(due));
            }
            log.warn(
                    "{}: taking over the fire due {} that a host of the cluster was running when it"
                            + " stopped checking in ({})",
                    data.getString(JOB_NAME),
                    fired,
                    context.getTrigger().getKey());
        }
        daemon.fire(data.getString(JOB_NAME), parameters, fired, trigger);
    }
}
