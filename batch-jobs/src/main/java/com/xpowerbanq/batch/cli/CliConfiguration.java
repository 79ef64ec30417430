package com.xpowerbanq.batch.cli;

import com.xpowerbanq.batch.schedule.ScheduleDaemon;
import java.io.OutputStream;
import java.io.PrintStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The console side of a run: the progress the index jobs report to. */
@Configuration(proxyBeanMethods = false)
class CliConfiguration {

    /** Not in {@code serve}: the daemon logs its progress (see ScheduleConfiguration). */
    @Bean
    @ConditionalOnBooleanProperty(
            name = ScheduleDaemon.SERVE,
            havingValue = false,
            matchIfMissing = true)
    ConsoleProgress consoleProgress(@Value("${banq.quiet:false}") boolean quiet) {
        if (quiet) {
            return new ConsoleProgress(new PrintStream(OutputStream.nullOutputStream()), false);
        }
        return new ConsoleProgress(System.out, ConsoleProgress.stdoutIsTerminal());
    }
}
