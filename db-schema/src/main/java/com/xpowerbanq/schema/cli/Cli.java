package com.xpowerbanq.schema.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The command-line policy every banq program shares, on picocli: a usage error names the program
 * and exits 64; a failure exits with its {@link ExitCode}, its message on stderr, no stack trace.
 */
public final class Cli {
    private Cli() {}

    /** A picocli command line for this command object (annotated with {@code @Command}). */
    public static CommandLine commandLine(Object command) {
        CommandLine line = new CommandLine(command);
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.setParameterExceptionHandler(Cli::usageError);
        line.setExecutionExceptionHandler(
                (failure, failed, parsed) -> {
                    PrintWriter err = failed.getErr();
                    err.println(program(failed) + ": " + message(failure));
                    err.flush();
                    return ExitCode.of(failure).code;
                });
        line.setExitCodeExceptionMapper(failure -> ExitCode.of(failure).code);
        return line;
    }

    /** Parses and runs the command; returns the exit code. */
    public static int execute(Object command, String... args) {
        return commandLine(command).execute(args);
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine failed = e.getCommandLine();
        PrintWriter err = failed.getErr();
        err.println(
                program(failed)
                        + ": "
                        + e.getMessage()
                        + " (see "
                        + failed.getCommandSpec().qualifiedName()
                        + " --help)");
        err.flush();
        return ExitCode.USAGE.code;
    }

    private static String program(CommandLine line) {
        CommandLine root = line;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return root.getCommandName();
    }

    private static String message(Throwable failure) {
        String message = failure.getMessage();
        return message == null ? failure.getClass().getSimpleName() : message;
    }
}
