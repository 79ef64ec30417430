package com.xpowerbanq.batch.cli;

import com.xpowerbanq.batch.BanqBatchApplication;
import com.xpowerbanq.batch.bench.IngestBench;
import com.xpowerbanq.batch.devnet.DevnetCommand;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The entry of banq-batch: parses the command first (usage errors need no application context),
 * then starts the context and hands the command over. Options of the form {@code --name=value} (and
 * {@code --state-dir DIR}) are Spring properties.
 */
public final class CommandLine {
    private CommandLine() {}

    public static int run(String[] args) {
        if (args.length > 0 && args[0].equals("devnet")) {
            // the devnet's flags are its own (its --state-dir is where the chain's files go)
            return DevnetCommand.run(Arrays.copyOfRange(args, 1, args.length), System.getenv());
        }
        List<String> options = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        List<String> all = Arrays.asList(args);
        for (int i = 0; i < all.size(); i++) {
            String arg = all.get(i);
            if (arg.equals("--state-dir") && i + 1 < all.size()) {
                options.add("--state-dir=" + all.get(++i));
            } else if (arg.startsWith("--") && arg.contains("=")) {
                options.add(arg);
            } else if (arg.equals("-h") || arg.equals("--help")) {
                rest.add("help");
            } else {
                rest.add(arg);
            }
        }
        Command command;
        try {
            command = Command.parse(rest);
        } catch (IllegalArgumentException e) {
            System.err.println("banq-batch: " + e.getMessage());
            System.err.println(Command.USAGE);
            return ExitCode.USAGE.code;
        }
        if (command.name().equals("help")) {
            System.out.println(Command.USAGE);
            return ExitCode.OK.code;
        }
        if (command.name().equals("bench")) {
            return IngestBench.run(command.parameters(), options.toArray(String[]::new));
        }
        ConfigurableApplicationContext context;
        try {
            context = start(options.toArray(String[]::new));
        } catch (RuntimeException e) {
            Throwable root = rootCause(e);
            System.err.println("banq-batch: cannot start: " + root.getMessage());
            return root instanceof IllegalArgumentException
                    ? ExitCode.USAGE.code
                    : ExitCode.INTERNAL.code;
        }
        try (context) {
            return context.getBean(BatchCli.class).execute(command);
        } catch (RuntimeException e) {
            Throwable root = rootCause(e);
            System.err.println("banq-batch: " + root.getMessage());
            return root instanceof IllegalArgumentException
                    ? ExitCode.USAGE.code
                    : ExitCode.ofFailures(List.of(e)).code;
        }
    }

    /**
     * The application context banq-batch runs in, for the CLI, the bench and the tests; {@code
     * --state-dir=DIR} stands for {@code --banq.state-dir=DIR}.
     */
    public static ConfigurableApplicationContext start(String... options) {
        String[] properties =
                Arrays.stream(options)
                        .map(o -> o.startsWith("--state-dir=") ? "--banq." + o.substring(2) : o)
                        .toArray(String[]::new);
        return new SpringApplicationBuilder(BanqBatchApplication.class)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(properties);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
