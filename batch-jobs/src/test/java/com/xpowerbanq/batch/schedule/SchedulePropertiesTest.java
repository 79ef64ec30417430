package com.xpowerbanq.batch.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchedulePropertiesTest {

    @Test
    void unsetSchedulesKeepTheOriginalTimersTimes() {
        var properties =
                new ScheduleProperties(
                        ZoneId.of("UTC"),
                        Duration.ofSeconds(60),
                        1,
                        Duration.ofMinutes(2),
                        null,
                        null,
                        null,
                        null);
        assertThat(properties.byJob())
                .containsOnlyKeys("reindex", "reindex-watch", "retwap", "retwap-watch");
        assertThat(properties.reindex().cronExpression()).isEqualTo("0 30 6,18 * * ?");
        assertThat(properties.reindexWatch().cronExpression()).isEqualTo("0 45 6,18 * * ?");
        assertThat(properties.retwap().cronExpression()).isEqualTo("0 0 * * * ?");
        assertThat(properties.retwapWatch().cronExpression()).isEqualTo("0 15 6,18 * * ?");
        assertThat(properties.byJob().values()).allMatch(ScheduleProperties.Schedule::isEnabled);
        assertThat(properties.reindex().jobParameters())
                .containsEntry("series", "all")
                .containsEntry("broadcast", "true");
        assertThat(properties.retwapWatch().jobParameters()).isEqualTo(Map.of("series", "all"));
    }

    @Test
    void aPartialOverrideKeepsTheRestOfTheSchedule() {
        var retwap =
                new ScheduleProperties.Schedule(null, "*/5 * * * * ?", Map.of("series", "all"));
        var properties =
                new ScheduleProperties(
                        ZoneId.of("UTC"),
                        Duration.ZERO,
                        1,
                        Duration.ofMinutes(2),
                        null,
                        null,
                        retwap,
                        null);
        assertThat(properties.retwap().isEnabled()).isTrue();
        assertThat(properties.retwap().cronExpression()).isEqualTo("*/5 * * * * ?");
        assertThat(properties.retwap().jobParameters()).containsEntry("series", "all");
    }

    @Test
    void aBadCronNamesTheScheduleAndTheExpectedForm() {
        var bad = new ScheduleProperties.Schedule(true, "30 6 * * *", null);
        assertThatThrownBy(
                        () ->
                                new ScheduleProperties(
                                        ZoneId.of("UTC"),
                                        Duration.ZERO,
                                        1,
                                        Duration.ofMinutes(2),
                                        bad,
                                        null,
                                        null,
                                        null))
                .hasMessageContaining("banq.schedule.reindex.cron")
                .hasMessageContaining("seconds minutes hours");
    }

    @Test
    void everySettingCanBeOverriddenByEnvironmentVariables() {
        // given: what a fast demo schedule sets
        var env =
                new org.springframework.core.env.SystemEnvironmentPropertySource(
                        "systemEnvironment",
                        Map.of(
                                "BANQ_SCHEDULE_ZONE", "Europe/Zurich",
                                "BANQ_SCHEDULE_JITTER", "0s",
                                "BANQ_SCHEDULE_REINDEX_CRON", "*/10 * * * * ?",
                                "BANQ_SCHEDULE_REINDEX_PARAMETERS_BROADCAST", "false",
                                "BANQ_SCHEDULE_REINDEXWATCH_CRON", "5/10 * * * * ?",
                                "BANQ_SCHEDULE_RETWAP_ENABLED", "false"));
        var binder =
                new org.springframework.boot.context.properties.bind.Binder(
                        org.springframework.boot.context.properties.source
                                .ConfigurationPropertySources.from(env));

        // when
        ScheduleProperties properties =
                binder.bindOrCreate("banq.schedule", ScheduleProperties.class);

        // then
        assertThat(properties.zone()).isEqualTo(ZoneId.of("Europe/Zurich"));
        assertThat(properties.jitter()).isZero();
        assertThat(properties.reindex().cronExpression()).isEqualTo("*/10 * * * * ?");
        assertThat(properties.reindex().jobParameters())
                .containsEntry("broadcast", "false")
                .containsEntry("series", "all");
        assertThat(properties.reindexWatch().cronExpression()).isEqualTo("5/10 * * * * ?");
        assertThat(properties.retwap().isEnabled()).isFalse();
        assertThat(properties.retwapWatch().cronExpression()).isEqualTo("0 15 6,18 * * ?");
    }
}
