package com.xpowerbanq.batch.cli;

import com.xpowerbanq.batch.launch.RepositoryPruner;
import com.xpowerbanq.schema.cli.ExitCode;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.springframework.boot.convert.DurationStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code prune --older-than 90d [--dry-run]}: deletes old finished job instances from the job
 * repository, never a job's newest one nor one that could still be restarted.
 */
@Command(
        name = "prune",
        description =
                "delete job executions finished before a cutoff (never a job's last, never a"
                        + " restartable one)")
final class PruneCommand implements Callable<Integer> {
    @ParentCommand BanqBatchCommand root;
    @Mixin NoArguments none;

    @Option(
            names = "--older-than",
            required = true,
            paramLabel = "<age>",
            converter = Age.class,
            description = "how long ago they finished: 90d, 12h, 30m, 45s")
    Duration olderThan;

    @Option(names = "--dry-run", description = "print what would be deleted, delete nothing")
    boolean dryRun;

    @Override
    public Integer call() {
        none.check();
        return CommandContext.run(
                root.properties(),
                context -> {
                    System.out.println(
                            context.getBean(RepositoryPruner.class)
                                    .prune(olderThan, dryRun)
                                    .summary());
                    return ExitCode.OK.code;
                });
    }

    /** A positive whole number of days, hours, minutes or seconds. */
    static final class Age implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            if (!value.matches("[0-9]{1,9}[dhms]") || value.matches("0+[dhms]")) {
                throw new TypeConversionException(
                        "'" + value + "' is not an age such as 90d, 12h, 30m or 45s");
            }
            return DurationStyle.SIMPLE.parse(value);
        }
    }
}
