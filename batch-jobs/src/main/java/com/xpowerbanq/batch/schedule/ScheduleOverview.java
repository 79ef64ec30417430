package com.xpowerbanq.batch.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * What one schedule does, as {@code banq-batch schedules} shows it: its cron, zone, jitter, whether
 * it runs, and its next fire times computed by the trigger {@code serve} would register.
 */
public record ScheduleOverview(
        String job,
        String cron,
        ZoneId zone,
        Duration jitter,
        boolean enabled,
        List<ZonedDateTime> nextFires) {

    /** Every schedule in a fixed order, each with its next {@code fires} fire times after now. */
    public static List<ScheduleOverview> of(ScheduleProperties properties, Instant now, int fires) {
        return properties.byJob().entrySet().stream()
                .map(
                        entry ->
                                new ScheduleOverview(
                                        entry.getKey(),
                                        entry.getValue().cronExpression(),
                                        properties.zone(),
                                        properties.jitter(),
                                        entry.getValue().isEnabled(),
                                        ScheduleTriggers.of(entry.getKey(), properties)
                                                .map(
                                                        trigger ->
                                                                ScheduleTriggers.nextFires(
                                                                        trigger,
                                                                        now,
                                                                        fires,
                                                                        properties.zone()))
                                                .orElse(List.of())))
                .toList();
    }
}
