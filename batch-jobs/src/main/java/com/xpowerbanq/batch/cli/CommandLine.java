package com.xpowerbanq.batch.cli;

import com.xpowerbanq.batch.BanqBatchApplication;
import com.xpowerbanq.schema.cli.Cli;
import java.util.Arrays;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The entry of banq-batch: picocli parses the command before anything else, so usage errors, {@code
 * help} and {@code list} answer without an application context; the commands that need one start it
 * themselves, with only what they use. Options of the form {@code --name=value} (and {@code
 * --state-dir DIR}) are Spring properties.
 */
public final class CommandLine {
    private CommandLine() {}

    public static int run(String[] args) {
        SpringOptions split = SpringOptions.split(args);
        return Cli.commandLine(new BanqBatchCommand(split.properties()))
                // a word is a word: no @file expansion, which the job parameters never meant
                .setExpandAtFiles(false)
                .execute(split.words().toArray(String[]::new));
    }

    /**
     * The application context banq-batch runs in, for the CLI, the tools and the tests; {@code
     * --state-dir=DIR} stands for {@code --banq.state-dir=DIR}. The Quartz scheduler is part of it
     * only with {@code --banq.serve=true}, which the {@code serve} command sets.
     */
    public static ConfigurableApplicationContext start(String... options) {
        String[] properties =
                Arrays.stream(options).map(SpringOptions::property).toArray(String[]::new);
        return new SpringApplicationBuilder(BanqBatchApplication.class)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(properties);
    }
}
