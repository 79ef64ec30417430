package com.xpowerbanq.batch.launch;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Job parameter names as people and environments spell them. A name is known by its letters and
 * digits alone, so {@code percent-min}, {@code percent_min}, {@code percent.min} and {@code
 * PERCENTMIN} are one name: an environment variable cannot hold a dash, and Spring binds {@code
 * BANQ_SCHEDULE_RETWAP_PARAMETERS_PERCENT_MIN} to the map key {@code percent.min}.
 */
public final class ParameterNames {
    private ParameterNames() {}

    /** A job parameters validator that knows the names its job accepts. */
    public interface Known {
        Set<String> parameterNames();
    }

    /** The spelling-free form of a name: lower case, without dashes, underscores and dots. */
    public static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]", "");
    }

    /**
     * The parameters with every name that matches a known one in that one's spelling; other names
     * are kept as given (the job's validator rejects them).
     *
     * @throws IllegalArgumentException when two spellings of one name give two values
     */
    public static Map<String, String> canonical(Map<String, String> parameters, Set<String> known) {
        Map<String, String> byKey = new LinkedHashMap<>();
        known.forEach(name -> byKey.put(key(name), name));
        Map<String, String> canonical = new LinkedHashMap<>();
        Map<String, String> spelledAs = new LinkedHashMap<>();
        parameters.forEach(
                (name, value) -> {
                    String named = byKey.getOrDefault(key(name), name);
                    String earlier = spelledAs.put(named, name);
                    if (earlier != null && !String.valueOf(canonical.get(named)).equals(value)) {
                        throw new IllegalArgumentException(
                                "parameter '"
                                        + named
                                        + "' given twice with two values (as '"
                                        + earlier
                                        + "' and '"
                                        + name
                                        + "')");
                    }
                    canonical.put(named, value);
                });
        return canonical;
    }
}
