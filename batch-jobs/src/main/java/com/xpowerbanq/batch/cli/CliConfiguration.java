package com.xpowerbanq.batch.cli;

import com.xpowerbanq.batch.launch.BanqProperties;
import com.xpowerbanq.batch.launch.JobRunner;
import com.xpowerbanq.batch.schedule.ScheduleDaemon;
import java.io.OutputStream;
import java.io.PrintStream;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The console side: progress output and the command executor. */
@Configuration(proxyBeanMethods = false)
class CliConfiguration {

    @Bean
    ConsoleProgress consoleProgress(@Value("${banq.quiet:false}") boolean quiet) {
        if (quiet) {
            return new ConsoleProgress(new PrintStream(OutputStream.nullOutputStream()), false);
        }
        return new ConsoleProgress(System.out, ConsoleProgress.stdoutIsTerminal());
    }

    @Bean
    BatchCli batchCli(
            JobRunner runner,
            JobRepository repository,
            BanqProperties banq,
            ConsoleProgress progress,
            ObjectProvider<ScheduleDaemon> daemon) {
        return new BatchCli(runner, repository, banq, progress, System.out, daemon);
    }
}
