package com.xpowerbanq.batch.index;

import com.xpowerbanq.batch.launch.SeriesParameter;
import com.xpowerbanq.schema.Kind;
import com.xpowerbanq.schema.Series;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * The parameters of an index job: {@code series=all|NAME[,NAME…]} (see {@link SeriesParameter}),
 * {@code window} (blocks per window), {@code from} ({@code -N} windows back, a block number or
 * {@code deploy}), {@code to} ({@code finalized}, {@code latest} or a block number) and {@code
 * rescan} (ignore the recorded progress and scan {@code from..to} again).
 */
public record IndexJobParameters(
        Kind kind, List<Series> series, long window, String from, String to, boolean rescan) {

    public static final String SERIES = "series";
    public static final String WINDOW = "window";
    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String RESCAN = "rescan";

    /** The parameters a run may set, with their defaults. */
    public static final Map<String, String> DEFAULTS =
            Map.of(SERIES, "all", WINDOW, "86400", FROM, "-1", TO, "finalized", RESCAN, "false");

    private static final Pattern BACK = Pattern.compile("-[1-9][0-9]{0,8}");
    private static final Pattern BLOCK = Pattern.compile("[0-9]{1,18}");
    private static final long MAX_WINDOW = 100_000_000L;

    public static IndexJobParameters of(Kind kind, JobParameters parameters) {
        return parse(
                kind,
                value(parameters, SERIES),
                value(parameters, WINDOW),
                value(parameters, FROM),
                value(parameters, TO),
                value(parameters, RESCAN));
    }

    private static String value(JobParameters parameters, String name) {
        var parameter = parameters.getParameter(name);
        return parameter == null ? DEFAULTS.get(name) : String.valueOf(parameter.value());
    }

    /** Parses and checks; throws IllegalArgumentException with a message naming what to fix. */
    public static IndexJobParameters parse(
            Kind kind, String series, String window, String from, String to, String rescan) {
        IndexJobParameters parameters =
                new IndexJobParameters(
                        kind,
                        series(kind, series),
                        window(window),
                        from(from),
                        to(to),
                        bool(RESCAN, rescan));
        OptionalLong fromBlock = parameters.fromBlock();
        OptionalLong toBlock = parameters.toBlock();
        if (fromBlock.isPresent()
                && toBlock.isPresent()
                && fromBlock.getAsLong() > toBlock.getAsLong()) {
            throw new IllegalArgumentException(
                    "from=" + from + " is above to=" + to + ": nothing to scan");
        }
        return parameters;
    }

    /** {@code from} when it is a block number. */
    OptionalLong fromBlock() {
        return BLOCK.matcher(from).matches()
                ? OptionalLong.of(Long.parseLong(from))
                : OptionalLong.empty();
    }

    /** {@code to} when it is a block number. */
    OptionalLong toBlock() {
        return BLOCK.matcher(to).matches()
                ? OptionalLong.of(Long.parseLong(to))
                : OptionalLong.empty();
    }

    static List<Series> series(Kind kind, String value) {
        return SeriesParameter.parse(
                value,
                kind,
                (name, series) ->
                        "series="
                                + name
                                + " is an "
                                + series.kind()
                                + " series; this job indexes "
                                + kind
                                + " series such as "
                                + SeriesParameter.example(kind));
    }

    static long window(String value) {
        if (!BLOCK.matcher(value).matches()
                || Long.parseLong(value) < 1
                || Long.parseLong(value) > MAX_WINDOW) {
            throw new IllegalArgumentException(
                    "window=" + value + " is not a block count between 1 and " + MAX_WINDOW);
        }
        return Long.parseLong(value);
    }

    static String from(String value) {
        if (value.equals("deploy")
                || BACK.matcher(value).matches()
                || BLOCK.matcher(value).matches()) {
            return value;
        }
        throw new IllegalArgumentException(
                "from=" + value + " is not -N (windows back, e.g. -1), a block number or 'deploy'");
    }

    static String to(String value) {
        if (value.equals("finalized") || value.equals("latest") || BLOCK.matcher(value).matches()) {
            return value;
        }
        throw new IllegalArgumentException(
                "to=" + value + " is not 'finalized', 'latest' or a block number");
    }

    static boolean bool(String name, String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default ->
                    throw new IllegalArgumentException(
                            name + "=" + value + " is not 'true' or 'false'");
        };
    }
}
