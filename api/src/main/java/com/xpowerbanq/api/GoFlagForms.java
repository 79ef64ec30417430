package com.xpowerbanq.api;

import picocli.CommandLine.Model.CommandSpec;

/**
 * Go's flag package, which the original API used, reads a long flag after one dash too ({@code
 * -port 8001}, {@code -db-path=/srv/db}); picocli knows it as {@code --port}. Such an argument is
 * handed to picocli in its two-dash form, so operators' command lines keep working.
 */
final class GoFlagForms {
    private GoFlagForms() {}

    static String[] normalise(CommandSpec spec, String... args) {
        String[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            String arg = out[i];
            if (arg.length() > 2 && arg.charAt(0) == '-' && arg.charAt(1) != '-') {
                int eq = arg.indexOf('=');
                String name = "-" + (eq < 0 ? arg : arg.substring(0, eq));
                if (spec.optionsMap().containsKey(name)) {
                    out[i] = "-" + arg;
                }
            }
        }
        return out;
    }
}
