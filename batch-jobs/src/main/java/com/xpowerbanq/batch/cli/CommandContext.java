package com.xpowerbanq.batch.cli;

import com.xpowerbanq.schema.cli.ExitCode;
import com.xpowerbanq.schema.cli.ExitStatus;
import java.util.List;
import java.util.function.ToIntFunction;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the application context of one command, runs the command's work in it and closes it. A
 * failure leaves as a {@link CommandFailure} naming its root cause: a bad setting (an {@link
 * IllegalArgumentException}) is a usage error, a failed run exits by its most telling cause.
 */
final class CommandContext {
    private CommandContext() {}

    static int run(List<String> properties, ToIntFunction<ConfigurableApplicationContext> work) {
        ConfigurableApplicationContext context;
        try {
            context = CommandLine.start(properties.toArray(String[]::new));
        } catch (RuntimeException e) {
            Throwable told = ExitCode.saidBy(e).orElse(null);
            if (told != null) {
                throw new CommandFailure(told.getMessage(), ExitCode.of(told), e);
            }
            Throwable root = rootCause(e);
            throw new CommandFailure(
                    "cannot start: " + root.getMessage(),
                    root instanceof IllegalArgumentException ? ExitCode.USAGE : ExitCode.INTERNAL,
                    e);
        }
        try (context) {
            return work.applyAsInt(context);
        } catch (RuntimeException e) {
            if (e instanceof ExitStatus) {
                throw e;
            }
            Throwable root = rootCause(e);
            throw new CommandFailure(
                    String.valueOf(root.getMessage()),
                    root instanceof IllegalArgumentException
                            ? ExitCode.USAGE
                            : RunExitCode.of(List.of(e)),
                    e);
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /** A command that failed: its message for stderr, its exit code. */
    static final class CommandFailure extends RuntimeException implements ExitStatus {
        private final ExitCode code;

        CommandFailure(String message, ExitCode code, Throwable cause) {
            super(message, cause);
            this.code = code;
        }

        @Override
        public ExitCode exitCode() {
            return code;
        }
    }
}
