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
}
