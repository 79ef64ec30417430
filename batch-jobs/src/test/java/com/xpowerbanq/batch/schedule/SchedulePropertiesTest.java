package com.xpowerbanq.batch.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.xpowerbanq.batch.cli.CommandLine;
import com.xpowerbanq.batch.launch.JobRunner;
import com.xpowerbanq.batch.launch.JobUsageException;
import com.xpowerbanq.batch.launch.ParameterNames;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

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
                environment(
                        Map.of(
                                "BANQ_SCHEDULE_ZONE", "Europe/Zurich",
                                "BANQ_SCHEDULE_JITTER", "0s",
                                "BANQ_SCHEDULE_REINDEX_CRON", "*/10 * * * * ?",
                                "BANQ_SCHEDULE_REINDEX_PARAMETERS_BROADCAST", "false",
                                "BANQ_SCHEDULE_REINDEXWATCH_CRON", "5/10 * * * * ?",
                                "BANQ_SCHEDULE_RETWAP_ENABLED", "false"));

        // when
        ScheduleProperties properties = bind(env);

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

    /** Variables as the process environment gives them to Spring. */
    private static PropertySource<?> environment(Map<String, String> variables) {
        return new SystemEnvironmentPropertySource(
                "systemEnvironment", Map.<String, Object>copyOf(variables));
    }

    /** The schedule as Spring binds it from these sources, the first one winning. */
    private static ScheduleProperties bind(PropertySource<?>... sources) {
        var all = new MutablePropertySources();
        for (var source : sources) {
            all.addLast(source);
        }
        return new Binder(ConfigurationPropertySources.from(all))
                .bindOrCreate("banq.schedule", ScheduleProperties.class);
    }

    @Test
    void percentBoundsSetInTheEnvironmentReachTheRetwapJobUnderTheirOwnNames(@TempDir Path state) {
        // given: the bounds as an operator can spell them in env (no dash in a variable name)
        ScheduleProperties properties =
                bind(
                        environment(
                                Map.of(
                                        "BANQ_SCHEDULE_RETWAP_PARAMETERS_PERCENT_MIN", "50",
                                        "BANQ_SCHEDULE_RETWAP_PARAMETERS_PERCENTMAX", "5")));

        // when: the scheduler launches retwap with them
        try (var app = CommandLine.start("--state-dir=" + state)) {
            JobRunner runner = app.getBean(JobRunner.class);

            // then: the job reads them as percent-min and percent-max (and finds min > max)
            assertThatThrownBy(
                            () ->
                                    runner.run(
                                            ScheduleProperties.RETWAP,
                                            properties.retwap().jobParameters()))
                    .isInstanceOf(JobUsageException.class)
                    .hasMessageContaining("percent-min <= percent-max (got 50.0 and 5.0)");
        }
    }

    @Test
    void anEnvironmentVariableOverridesABoundSetInTheConfigurationFile() {
        // given: the file spells the name with a dash, the environment cannot
        var env = environment(Map.of("BANQ_SCHEDULE_RETWAP_PARAMETERS_PERCENT_MIN", "5"));
        var file =
                new MapPropertySource(
                        "application.properties",
                        Map.of("banq.schedule.retwap.parameters.percent-min", "3"));

        // when
        ScheduleProperties properties = bind(env, file);

        // then: every spelling of the name holds the environment's value
        assertThat(
                        ParameterNames.canonical(
                                properties.retwap().jobParameters(),
                                Set.of("percent-min", "series", "broadcast")))
                .isEqualTo(Map.of("percent-min", "5", "series", "all", "broadcast", "true"));
    }

    @Test
    void oneParameterWithTwoValuesUnderTwoSpellingsIsRefusedAtStart() {
        var file =
                new MapPropertySource(
                        "application.properties",
                        Map.of(
                                "banq.schedule.retwap.parameters.percent-min", "3",
                                "banq.schedule.retwap.parameters.percent.min", "4"));

        assertThatThrownBy(() -> bind(file))
                .rootCause()
                .hasMessageContaining(
                        "banq.schedule.retwap.parameters gives one parameter two values")
                .hasMessageContaining("'percent-min'")
                .hasMessageContaining("'percent.min'");
    }

    @Test
    void withoutAZoneSchedulesRunInTheHostsTimeZoneAsTheOriginalTimersDid() {
        // given: nothing set, or the variable set empty
        ScheduleProperties unset = bind();
        ScheduleProperties empty = bind(environment(Map.of("BANQ_SCHEDULE_ZONE", "")));

        // then
        assertThat(unset.zone()).isEqualTo(ZoneId.systemDefault());
        assertThat(empty.zone()).isEqualTo(ZoneId.systemDefault());
    }

    @Test
    void anOffsetIsAZoneToo() {
        assertThat(bind(environment(Map.of("BANQ_SCHEDULE_ZONE", "+01:00"))).zone())
                .isEqualTo(ZoneId.of("+01:00"));
    }

    @Test
    void anUnknownZoneIsRefusedAtStartNamingTheSetting() {
        var env = environment(Map.of("BANQ_SCHEDULE_ZONE", "Europe/Atlantis"));

        assertThatThrownBy(() -> bind(env))
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("banq.schedule.zone (BANQ_SCHEDULE_ZONE)")
                .hasMessageContaining("'Europe/Atlantis' is not a time zone")
                .hasMessageContaining("such as Europe/Berlin");
    }

    @Test
    void serveRefusesToStartWithAnUnknownZone(@TempDir Path state) {
        assertThatThrownBy(
                        () ->
                                CommandLine.start(
                                        "--state-dir=" + state,
                                        "--" + ScheduleDaemon.SERVE + "=true",
                                        "--banq.schedule.zone=Mars/Olympus"))
                .rootCause()
                .hasMessageContaining("banq.schedule.zone (BANQ_SCHEDULE_ZONE) 'Mars/Olympus'");
    }
}
