package com.xpowerbanq.batch.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A command line split into Spring properties ({@code --name=value} anywhere, {@code --state-dir
 * DIR}) and the words picocli parses (the command, its arguments and flags).
 */
record SpringOptions(List<String> properties, List<String> words) {
    private static final String STATE_DIR = "--state-dir";

    static SpringOptions split(String[] args) {
        List<String> properties = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals(STATE_DIR) && i + 1 < args.length) {
                properties.add(STATE_DIR + "=" + args[++i]);
            } else if (arg.startsWith("--") && arg.contains("=")) {
                properties.add(arg);
            } else {
                words.add(arg);
            }
        }
        return new SpringOptions(List.copyOf(properties), List.copyOf(words));
    }

    /** The Spring property an option stands for: {@code --state-dir=} is {@code banq.state-dir}. */
    static String property(String option) {
        return option.startsWith(STATE_DIR + "=") ? "--banq." + option.substring(2) : option;
    }
}
