package com.xpowerbanq.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.xpowerbanq.schema.cli.ExitCode;
import com.xpowerbanq.schema.cli.ExitStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class SchedulesCommandTest {
    static final Clock SPRING_EVE =
            Clock.fixed(Instant.parse("2026-03-28T12:00:00Z"), ZoneOffset.UTC);

    private static String printed(String... options) {
        var out = new ByteArrayOutputStream();
        SchedulesCommand.print(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                SchedulesCommand.bind(List.of(options)),
                SPRING_EVE);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void eachScheduleShowsItsCronZoneJitterAndNextThreeFiresInLocalTime() {
        // when: the day before Berlin moves its clocks forward
        String table = printed("--banq.schedule.zone=Europe/Berlin");

        // then
        assertThat(table.lines())
                .containsExactly(
                        "schedule      cron               zone             jitter  enabled "
                                + " next fires",
                        "reindex       0 30 6,18 * * ?    Europe/Berlin    60s     yes     "
                                + " 2026-03-28T18:30:00+01:00 2026-03-29T06:30:00+02:00"
                                + " 2026-03-29T18:30:00+02:00",
                        "reindex-watch 0 45 6,18 * * ?    Europe/Berlin    60s     yes     "
                                + " 2026-03-28T18:45:00+01:00 2026-03-29T06:45:00+02:00"
                                + " 2026-03-29T18:45:00+02:00",
                        "retwap        0 0 * * * ?        Europe/Berlin    60s     yes     "
                                + " 2026-03-28T14:00:00+01:00 2026-03-28T15:00:00+01:00"
                                + " 2026-03-28T16:00:00+01:00",
                        "retwap-watch  0 15 6,18 * * ?    Europe/Berlin    60s     yes     "
                                + " 2026-03-28T18:15:00+01:00 2026-03-29T06:15:00+02:00"
                                + " 2026-03-29T18:15:00+02:00");
    }

    @Test
    void aDisabledOrChangedScheduleIsShownAsServeWouldRunIt() {
        String table =
                printed(
                        "--banq.schedule.zone=UTC",
                        "--banq.schedule.jitter=1500ms",
                        "--banq.schedule.retwap.enabled=false",
                        "--banq.schedule.reindex.cron=0 0 12 ? * MON-FRI");

        assertThat(table)
                .contains("retwap        0 0 * * * ?        UTC              1500ms  no       -")
                .contains(
                        "reindex       0 0 12 ? * MON-FRI UTC              1500ms  yes     "
                                + " 2026-03-30T12:00:00Z 2026-03-31T12:00:00Z");
    }

    @Test
    void schedulesNeedsNoJobRepositoryNorScheduler(@TempDir Path dir, CapturedOutput output) {
        // given: a state directory that does not exist yet
        Path state = dir.resolve("state");

        // when
        int code = CommandLine.run(new String[] {"--state-dir=" + state, "schedules"});

        // then: listed, and nothing opened there
        assertThat(code).isEqualTo(ExitCode.OK.code);
        assertThat(output.getOut()).contains("reindex-watch 0 45 6,18 * * ?");
        assertThat(Files.exists(state)).isFalse();
        assertThat(output.getOut()).doesNotContain("Quartz", "HikariPool");
    }

    @Test
    void anUnknownZoneIsAUsageErrorNamingTheSetting(CapturedOutput output) {
        assertThatThrownBy(
                        () -> SchedulesCommand.bind(List.of("--banq.schedule.zone=Nowhere/Land")))
                .isInstanceOf(ExitStatus.class)
                .satisfies(e -> assertThat(((ExitStatus) e).exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessageContaining("banq.schedule.zone (BANQ_SCHEDULE_ZONE) 'Nowhere/Land'");

        int code = CommandLine.run(new String[] {"schedules", "--banq.schedule.zone=Nowhere/Land"});

        assertThat(code).isEqualTo(ExitCode.USAGE.code);
        assertThat(output.getErr()).contains("banq-batch: banq.schedule.zone (BANQ_SCHEDULE_ZONE)");
    }

    @Test
    void aBadCronIsAUsageErrorNamingTheSchedule() {
        assertThatThrownBy(
                        () ->
                                SchedulesCommand.bind(
                                        List.of("--banq.schedule.retwap.cron=every hour")))
                .isInstanceOf(ExitStatus.class)
                .hasMessageContaining("banq.schedule.retwap.cron 'every hour'");
    }

    @Test
    void schedulesTakesNoArgumentsAndIsListedInHelp(CapturedOutput output) {
        assertThat(CommandLine.run(new String[] {"schedules", "now"}))
                .isEqualTo(ExitCode.USAGE.code);
        assertThat(output.getErr()).contains("schedules takes no arguments");
        assertThat(CommandLine.run(new String[] {"help"})).isZero();
        assertThat(output.getOut()).contains("schedules", "next three fires");
    }
}
