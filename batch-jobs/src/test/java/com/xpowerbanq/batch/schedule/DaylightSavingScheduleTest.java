package com.xpowerbanq.batch.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.xpowerbanq.batch.cli.CommandLine;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.CronExpression;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

/**
 * The schedules in Europe/Berlin across its two DST changes of 2026: clocks go 02:00 → 03:00 on 29
 * March and 03:00 → 02:00 on 25 October.
 */
class DaylightSavingScheduleTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final LocalDate SPRING = LocalDate.of(2026, 3, 29);
    static final LocalDate AUTUMN = LocalDate.of(2026, 10, 25);

    @Test
    void theDaemonsTriggersInAJvmSetToBerlinFireAtLocalTimesOnceADayAcrossBothChanges(
            @TempDir Path state) throws Exception {
        // given: the JVM's zone is Berlin's and no zone is configured
        TimeZone jvmZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone(BERLIN));
        try (var serve =
                CommandLine.start("--state-dir=" + state, "--" + ScheduleDaemon.SERVE + "=true")) {
            // when: the triggers serve registers (its scheduler is not started)
            Scheduler scheduler = serve.getBean(Scheduler.class);
            Trigger reindex = scheduler.getTrigger(TriggerKey.triggerKey("reindex", "banq"));
            Trigger retwap = scheduler.getTrigger(TriggerKey.triggerKey("retwap", "banq"));

            // then
            assertThat(serve.getBean(ScheduleProperties.class).zone()).isEqualTo(BERLIN);
            for (LocalDate change : List.of(SPRING, AUTUMN)) {
                assertThat(localFiresByDay(reindex, change))
                        .as("reindex around %s", change)
                        .containsExactly(
                                Map.entry(change.minusDays(1), List.of("06:30", "18:30")),
                                Map.entry(change, List.of("06:30", "18:30")),
                                Map.entry(change.plusDays(1), List.of("06:30", "18:30")));
                assertOneFirePerRealHour(retwap, change);
            }
        } finally {
            TimeZone.setDefault(jvmZone);
        }
    }

    @Test
    void everyDailyScheduleFiresOnceAtItsLocalTimesOnBothChangeDays() {
        ScheduleProperties berlin = schedulesIn(BERLIN);
        Map<String, List<String>> times =
                Map.of(
                        ScheduleProperties.REINDEX, List.of("06:30", "18:30"),
                        ScheduleProperties.REINDEX_WATCH, List.of("06:45", "18:45"),
                        ScheduleProperties.RETWAP_WATCH, List.of("06:15", "18:15"));

        times.forEach(
                (job, local) -> {
                    Trigger trigger = ScheduleTriggers.of(job, berlin).orElseThrow();
                    for (LocalDate change : List.of(SPRING, AUTUMN)) {
                        assertThat(localFiresByDay(trigger, change).get(change))
                                .as("%s on %s", job, change)
                                .isEqualTo(local);
                    }
                });
    }

    @Test
    void theHourlyRetwapFiresOncePerRealHourThroughTheSkippedAndTheDoubledHour() {
        Trigger retwap =
                ScheduleTriggers.of(ScheduleProperties.RETWAP, schedulesIn(BERLIN)).orElseThrow();

        // spring: 01:00 CET, then 03:00 CEST an hour later; autumn: 02:00 CEST and 02:00 CET
        assertOneFirePerRealHour(retwap, SPRING);
        assertOneFirePerRealHour(retwap, AUTUMN);
        assertThat(firesOn(retwap, AUTUMN).stream().map(this::local))
                .containsSubsequence("01:00+02:00", "02:00+02:00", "02:00+01:00", "03:00+01:00");
        assertThat(firesOn(retwap, SPRING).stream().map(this::local))
                .containsSubsequence("01:00+01:00", "03:00+02:00")
                .noneMatch(time -> time.startsWith("02:"));
    }

    @Test
    void quartzAloneSkipsTheFirstOfTheDoubledHourInAutumn() throws ParseException {
        // why an hourly cron is evaluated at the standard offset: in the zone itself Quartz
        // goes from 01:00 CEST to 02:00 CET, two real hours
        CronExpression hourly = new CronExpression("0 0 * * * ?");
        hourly.setTimeZone(TimeZone.getTimeZone(BERLIN));

        Date after = Date.from(Instant.parse("2026-10-24T23:00:00Z")); // 01:00 CEST
        Date next = hourly.getNextValidTimeAfter(after);

        assertThat(Duration.between(after.toInstant(), next.toInstant())).hasHours(2);
    }

    @Test
    void anHourlyScheduleKeepsItsMinutesInAZoneWithAHalfHourOffset() {
        ZoneId kolkata = ZoneId.of("Asia/Kolkata");
        Trigger retwap =
                ScheduleTriggers.of(ScheduleProperties.RETWAP, schedulesIn(kolkata)).orElseThrow();

        List<ZonedDateTime> next =
                ScheduleTriggers.nextFires(
                        retwap, Instant.parse("2026-06-01T00:10:00Z"), 3, kolkata);

        assertThat(next)
                .extracting(ZonedDateTime::toLocalTime)
                .containsExactly(LocalTime.of(6, 0), LocalTime.of(7, 0), LocalTime.of(8, 0));
    }

    @Test
    void anHourlyCronLimitedToWeekdaysKeepsTheZonesDays() {
        // given: hourly on weekdays only, in summer time
        ScheduleProperties weekdays =
                bind(
                        Map.of(
                                "banq.schedule.zone",
                                BERLIN.getId(),
                                "banq.schedule.retwap.cron",
                                "0 0 * ? * MON-FRI"));
        Trigger retwap = ScheduleTriggers.of(ScheduleProperties.RETWAP, weekdays).orElseThrow();

        // when: from Friday 22:30 local
        List<ZonedDateTime> next =
                ScheduleTriggers.nextFires(
                        retwap, Instant.parse("2026-07-03T20:30:00Z"), 2, BERLIN);

        // then: Friday 23:00, then Monday 00:00, local
        assertThat(next)
                .extracting(ZonedDateTime::toLocalDateTime)
                .containsExactly(
                        LocalDate.of(2026, 7, 3).atTime(23, 0),
                        LocalDate.of(2026, 7, 6).atTime(0, 0));
    }

    private static ScheduleProperties schedulesIn(ZoneId zone) {
        return bind(Map.of("banq.schedule.zone", zone.getId()));
    }

    private static ScheduleProperties bind(Map<String, Object> settings) {
        var sources = new MutablePropertySources();
        sources.addFirst(new MapPropertySource("test", settings));
        return new Binder(ConfigurationPropertySources.from(sources))
                .bindOrCreate("banq.schedule", ScheduleProperties.class);
    }

    /** The fires from the day before {@code change} to the day after, by local day. */
    private static Map<LocalDate, List<String>> localFiresByDay(Trigger trigger, LocalDate change) {
        Instant from = change.minusDays(1).atStartOfDay(BERLIN).toInstant();
        Instant to = change.plusDays(2).atStartOfDay(BERLIN).toInstant();
        return between(trigger, from, to).stream()
                .map(fire -> fire.atZone(BERLIN))
                .collect(
                        Collectors.groupingBy(
                                ZonedDateTime::toLocalDate,
                                TreeMap::new,
                                Collectors.mapping(
                                        fire -> fire.toLocalTime().toString(),
                                        Collectors.toList())));
    }

    private static List<Instant> firesOn(Trigger trigger, LocalDate day) {
        return between(
                trigger,
                day.atStartOfDay(BERLIN).toInstant(),
                day.plusDays(1).atStartOfDay(BERLIN).toInstant());
    }

    /** The fires in [from, to), by the trigger's own arithmetic. */
    private static List<Instant> between(Trigger trigger, Instant from, Instant to) {
        int atMost = (int) Duration.between(from, to).toHours() * 60;
        return ScheduleTriggers.nextFires(trigger, from.minusSeconds(1), atMost, BERLIN).stream()
                .map(ZonedDateTime::toInstant)
                .takeWhile(fire -> fire.isBefore(to))
                .toList();
    }

    private static void assertOneFirePerRealHour(Trigger trigger, LocalDate change) {
        Instant from = change.atStartOfDay(BERLIN).toInstant();
        Instant to = change.plusDays(1).atStartOfDay(BERLIN).toInstant();
        Map<Instant, Long> perHour =
                between(trigger, from, to).stream()
                        .collect(
                                Collectors.groupingBy(
                                        fire -> fire.truncatedTo(ChronoUnit.HOURS),
                                        Collectors.counting()));
        long hours = Duration.between(from, to).toHours();
        assertThat(perHour).as("fires per real hour on %s", change).hasSize((int) hours);
        assertThat(perHour.values()).containsOnly(1L);
    }

    private String local(Instant fire) {
        ZonedDateTime at = fire.atZone(BERLIN);
        return at.toLocalTime() + at.getOffset().toString();
    }
}
