package com.xpowerbanq.batch.cli;

import com.xpowerbanq.batch.schedule.ScheduleOverview;
import com.xpowerbanq.batch.schedule.ScheduleProperties;
import com.xpowerbanq.schema.cli.ExitCode;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code schedules}: what {@code serve} would fire and when. The settings are bound as {@code
 * serve} binds them (application.properties, environment, {@code --name=value}) but without an
 * application context: no job repository is opened and no scheduler started.
 */
@Command(
        name = "schedules",
        description = "each schedule's cron, zone, jitter and next three fires")
final class SchedulesCommand implements Callable<Integer> {
    static final int NEXT_FIRES = 3;
    private static final String ROW = "%-13s %-18s %-16s %-7s %-8s %s%n";

    @ParentCommand BanqBatchCommand root;
    @Mixin NoArguments none;

    @Override
    public Integer call() {
        none.check();
        print(System.out, bind(root.properties()), Clock.systemUTC());
        return ExitCode.OK.code;
    }

    static ScheduleProperties bind(List<String> options) {
        return Settings.bind(options, "banq.schedule", ScheduleProperties.class);
    }

    static void print(PrintStream out, ScheduleProperties properties, Clock clock) {
        out.printf(ROW, "schedule", "cron", "zone", "jitter", "enabled", "next fires");
        for (var schedule : ScheduleOverview.of(properties, clock.instant(), NEXT_FIRES)) {
            out.printf(
                    ROW,
                    schedule.job(),
                    schedule.cron(),
                    schedule.zone(),
                    seconds(schedule.jitter()),
                    schedule.enabled() ? "yes" : "no",
                    schedule.enabled()
                            ? schedule.nextFires().stream()
                                    .map(DateTimeFormatter.ISO_OFFSET_DATE_TIME::format)
                                    .collect(Collectors.joining(" "))
                            : "-");
        }
    }

    private static String seconds(Duration jitter) {
        return jitter.toMillis() % 1000 == 0 ? jitter.toSeconds() + "s" : jitter.toMillis() + "ms";
    }
}
