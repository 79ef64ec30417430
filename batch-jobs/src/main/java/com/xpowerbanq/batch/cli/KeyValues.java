package com.xpowerbanq.batch.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Job and bench parameters given as {@code key=value} words, each key once. */
final class KeyValues {
    private KeyValues() {}

    static Map<String, String> parse(CommandLine command, List<String> words) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String word : words) {
            int eq = word.indexOf('=');
            if (eq <= 0) {
                throw new ParameterException(
                        command, "parameter '" + word + "' is not key=value (e.g. series=all)");
            }
            String key = word.substring(0, eq);
            if (parameters.put(key, word.substring(eq + 1)) != null) {
                throw new ParameterException(command, "parameter '" + key + "' given twice");
            }
        }
        return parameters;
    }
}
