package com.xpowerbanq.api;

import com.xpowerbanq.schema.cli.Cli;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * banq-api's picocli command line under the exit policy every banq program shares. Go's flag
 * package, which the original API used, reads a long flag after one dash too ({@code -port 8001},
 * {@code -db-path=/srv/db}); such an argument is handed to picocli in its two-dash form, so
 * operators' command lines keep working. A flag given twice keeps its last value, as there.
 */
final class ApiCommandLine {
    private final CommandLine line;

    ApiCommandLine(ApiCommand command) {
        this.line = Cli.commandLine(command);
        line.setOverwrittenOptionsAllowed(true); // as in Go's flag package, the last value wins
    }

    CommandLine picocli() {
        return line;
    }

    /** Parses {@code args} and runs the command; its exit code. */
    int execute(String... args) {
        return line.execute(twoDashForms(args));
    }

    /** Parses {@code args} into the command without running it. */
    ParseResult parse(String... args) {
        return line.parseArgs(twoDashForms(args));
    }

    private String[] twoDashForms(String[] args) {
        String[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            String arg = out[i];
            if (arg.length() > 2 && arg.charAt(0) == '-' && arg.charAt(1) != '-') {
                int eq = arg.indexOf('=');
                String name = "-" + (eq < 0 ? arg : arg.substring(0, eq));
                if (line.getCommandSpec().optionsMap().containsKey(name)) {
                    out[i] = "-" + arg;
                }
            }
        }
        return out;
    }
}
