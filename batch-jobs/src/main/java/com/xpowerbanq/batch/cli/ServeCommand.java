package com.xpowerbanq.batch.cli;

import com.xpowerbanq.batch.schedule.ScheduleDaemon;
import com.xpowerbanq.schema.cli.ExitCode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.quartz.SchedulerException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code serve}: the one command whose context holds the Quartz scheduler. */
@Command(
        name = "serve",
        description = "run the schedules (banq.schedule.*, BANQ_SCHEDULE_*) until SIGTERM")
final class ServeCommand implements Callable<Integer> {
    @ParentCommand BanqBatchCommand root;
    @Mixin NoArguments none;

    @Override
    public Integer call() {
        none.check();
        List<String> properties = new ArrayList<>(root.properties());
        properties.add("--" + ScheduleDaemon.SERVE + "=true");
        // metrics, health and the status page: a web server on the loopback management port
        properties.add("--spring.main.web-application-type=servlet");
        return CommandContext.run(
                properties, context -> serve(context.getBean(ScheduleDaemon.class)));
    }

    private static int serve(ScheduleDaemon daemon) {
        try {
            daemon.serve();
            return ExitCode.OK.code;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.OK.code;
        } catch (SchedulerException e) {
            System.err.println("banq-batch: the scheduler failed: " + e.getMessage());
            return ExitCode.INTERNAL.code;
        }
    }
}
