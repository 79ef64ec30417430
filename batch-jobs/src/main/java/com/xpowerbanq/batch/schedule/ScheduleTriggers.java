package com.xpowerbanq.batch.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

/**
 * The Quartz cron trigger of each schedule, as {@code serve} registers it and {@code schedules}
 * lists it.
 *
 * <p>Quartz evaluates a cron in local time: across a DST change a daily time outside the changed
 * hour fires once, at that local time. An hourly cron is different: in autumn Quartz fires only the
 * second of the two local 02:00 (01:00 CEST, then 02:00 CET), so one real hour would have no fire;
 * in spring it fires 01:00 CET then 03:00 CEST, one per real hour. So a cron that fires every hour
 * is evaluated at the zone's standard offset: the same minutes past every hour, and exactly one
 * fire per real hour through both changes.
 */
public final class ScheduleTriggers {
    static final String GROUP = "banq";
    private static final Set<String> EVERY_HOUR = Set.of("*", "*/1", "0/1", "0-23");
    private static final Set<String> EVERY = Set.of("*", "?");

    private ScheduleTriggers() {}

    /** The trigger of one job's schedule, none when the schedule is disabled. */
    public static Optional<Trigger> of(String job, ScheduleProperties properties) {
        ScheduleProperties.Schedule schedule = properties.byJob().get(job);
        if (schedule == null || !schedule.isEnabled()) {
            return Optional.empty();
        }
        return Optional.of(
                TriggerBuilder.newTrigger()
                        .forJob(ScheduleConfiguration.jobKey(job))
                        .withIdentity(job, GROUP)
                        .withSchedule(
                                CronScheduleBuilder.cronSchedule(schedule.cronExpression())
                                        .inTimeZone(
                                                evaluatedIn(
                                                        schedule.cronExpression(),
                                                        properties.zone()))
                                        // a fire held back by a long run is dropped, not queued
                                        .withMisfireHandlingInstructionDoNothing())
                        .build());
    }

    /** The zone Quartz evaluates {@code cron} in, for a schedule set in {@code zone}. */
    static TimeZone evaluatedIn(String cron, ZoneId zone) {
        if (firesEveryHourOfEveryDay(cron.strip().split("\\s+"))) {
            ZoneOffset standard = zone.getRules().getStandardOffset(Instant.now());
            return TimeZone.getTimeZone(standard);
        }
        return TimeZone.getTimeZone(zone);
    }

    // a cron limited to some days keeps the zone: at the standard offset its days would start
    // an hour off in summer
    private static boolean firesEveryHourOfEveryDay(String[] fields) {
        return fields.length >= 6
                && EVERY_HOUR.contains(fields[2])
                && EVERY.contains(fields[3])
                && EVERY.contains(fields[4])
                && EVERY.contains(fields[5])
                && (fields.length == 6 || EVERY.contains(fields[6]));
    }

    /**
     * The next {@code count} fires of {@code trigger} after {@code after}, shown in {@code zone}.
     */
    public static List<ZonedDateTime> nextFires(
            Trigger trigger, Instant after, int count, ZoneId zone) {
        Trigger from = trigger.getTriggerBuilder().startAt(Date.from(after)).build();
        List<ZonedDateTime> fires = new ArrayList<>();
        Date fire = Date.from(after);
        while (fires.size() < count && (fire = from.getFireTimeAfter(fire)) != null) {
            fires.add(fire.toInstant().atZone(zone));
        }
        return fires;
    }
}
