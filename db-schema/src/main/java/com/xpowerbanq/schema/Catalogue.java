package com.xpowerbanq.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The 42 series of the protocol as data (28 RI then 14 RT, in the order of the original's units)
 * and the parsers of their three name forms.
 */
public final class Catalogue {

    private static final List<Pool> POOLS =
            List.of(
                    new Pool("P000", Token.APOW, Token.XPOW),
                    new Pool("P001", Token.APOW, Token.AVAX),
                    new Pool("P002", Token.APOW, Token.USDC),
                    new Pool("P003", Token.APOW, Token.USDT),
                    new Pool("P004", Token.XPOW, Token.AVAX),
                    new Pool("P005", Token.XPOW, Token.USDC),
                    new Pool("P006", Token.XPOW, Token.USDT));

    private static final List<Oracle> ORACLES =
            List.of(
                    new Oracle("T000", Token.XPOW, Token.APOW),
                    new Oracle("T001", Token.AVAX, Token.APOW),
                    new Oracle("T002", Token.USDC, Token.APOW),
                    new Oracle("T003", Token.USDT, Token.APOW),
                    new Oracle("T004", Token.AVAX, Token.XPOW),
                    new Oracle("T005", Token.USDC, Token.XPOW),
                    new Oracle("T006", Token.USDT, Token.XPOW));

    private static final List<RiSeries> RI = riSeries();
    private static final List<RtSeries> RT = rtSeries();
    private static final List<Series> ALL = all(RI, RT);
    private static final Map<String, Series> BY_API_NAME = index(Series::apiName);

    private static final String INSTANCE_ID_FORMS =
            "expected TOKEN:MODE:POOL (e.g. APOW:supply:P000) or SOURCE_TARGET:ORACLE"
                    + " (e.g. XPOW_APOW:T000), parts separated by ':' or '_'";
    private static final String API_NAME_FORMS =
            "expected ri_<token>_<supply|borrow>_<pool 0-6> or rt_<source>_<target>_<oracle 0-6>"
                    + " with tokens apow, xpow, wavax, usdc, usdt (e.g. ri_apow_supply_0,"
                    + " rt_xpow_apow_0)";

    private Catalogue() {}

    /** All 42 series: the 28 RI series, then the 14 RT series. */
    public static List<Series> all() {
        return ALL;
    }

    /** The 28 RI series, pool by pool: first token supply, borrow, then second token. */
    public static List<RiSeries> ri() {
        return RI;
    }

    /** The 14 RT series: each oracle's a→b direction, then each oracle's b→a direction. */
    public static List<RtSeries> rt() {
        return RT;
    }

    public static List<Pool> pools() {
        return POOLS;
    }

    public static List<Oracle> oracles() {
        return ORACLES;
    }

    /** The series of one kind. */
    public static List<? extends Series> of(Kind kind) {
        return kind == Kind.RI ? RI : RT;
    }

    /**
     * Parses an instance id: "APOW:supply:P000", "XPOW_APOW:T000"; each separator may be ':' or '_'
     * ("APOW_supply_P000"), token and mode names are case-insensitive.
     *
     * @throws SeriesNameException for anything that is not one of the 42 series
     */
    public static Series parse(@Nullable String instanceId) {
        if (instanceId == null || instanceId.isBlank()) {
            throw new SeriesNameException("series name is empty: " + INSTANCE_ID_FORMS);
        }
        String[] parts = instanceId.split("[:_]", -1);
        if (parts.length != 3) {
            throw new SeriesNameException(
                    "'" + instanceId + "' is not a series instance id: " + INSTANCE_ID_FORMS);
        }
        try {
            if (modeOf(parts[1]) != null || parts[2].toUpperCase(Locale.ROOT).startsWith("P")) {
                return riSeries(parts);
            }
            return rtSeries(parts);
        } catch (SeriesNameException e) {
            throw new SeriesNameException("'" + instanceId + "': " + e.getMessage());
        }
    }

    /**
     * Parses a state file name such as "ri-APOW:supply:P000.db" or "rt-XPOW_APOW:T000.db" (a file
     * name, not a path).
     */
    public static Series fromStateFile(@Nullable String stateFile) {
        String expected =
                "expected ri-TOKEN:MODE:POOL.db or rt-SOURCE_TARGET:ORACLE.db"
                        + " (e.g. ri-APOW:supply:P000.db, rt-XPOW_APOW:T000.db)";
        if (stateFile == null || !stateFile.endsWith(".db")) {
            throw new SeriesNameException(
                    "'" + stateFile + "' is not a series state file: " + expected);
        }
        for (Kind kind : Kind.values()) {
            if (stateFile.startsWith(kind.filePrefix())) {
                String id =
                        stateFile.substring(
                                kind.filePrefix().length(), stateFile.length() - ".db".length());
                Series series;
                try {
                    series = parse(id);
                } catch (SeriesNameException e) {
                    throw new SeriesNameException(
                            "'" + stateFile + "' is not a series state file: " + e.getMessage());
                }
                if (series.kind() != kind) {
                    throw new SeriesNameException(
                            "'"
                                    + stateFile
                                    + "' names "
                                    + series.kind()
                                    + " series "
                                    + series
                                    + " under the prefix "
                                    + kind.filePrefix()
                                    + ": "
                                    + expected);
                }
                return series;
            }
        }
        throw new SeriesNameException(
                "'" + stateFile + "' is not a series state file: " + expected);
    }

    /**
     * Parses a series named in any of its three forms: an instance id ("APOW:supply:P000"), an API
     * name ("ri_apow_supply_0", "rt_wavax_xpow_4", as the web UI and the link directory spell them)
     * or a state file name ("ri-APOW:supply:P000.db").
     *
     * @throws SeriesNameException for anything that is not one of the 42 series, saying what the
     *     name looked like and what was expected
     */
    public static Series fromName(@Nullable String name) {
        String given = name == null ? "" : name.strip();
        String lower = given.toLowerCase(Locale.ROOT);
        for (Kind kind : Kind.values()) {
            if (lower.startsWith(kind.filePrefix())) {
                return fromStateFile(given);
            }
            if (lower.startsWith(kind.apiPrefix())) {
                return fromApiName(given);
            }
        }
        return parse(given);
    }

    /** Parses an API name such as "ri_apow_supply_0" or "rt_xpow_apow_0" (no ".db" suffix). */
    public static Series fromApiName(@Nullable String apiName) {
        Series series = apiName == null ? null : BY_API_NAME.get(apiName);
        if (series != null) {
            return series;
        }
        throw new SeriesNameException(
                "'" + apiName + "' is not a series API name: " + apiNameHint(apiName));
    }

    private static String apiNameHint(@Nullable String apiName) {
        if (apiName != null && apiName.endsWith(".db")) {
            return "drop the .db suffix; " + API_NAME_FORMS;
        }
        if (apiName != null && !apiName.equals(apiName.toLowerCase(Locale.ROOT))) {
            return "API names are lowercase; " + API_NAME_FORMS;
        }
        if (apiName != null && apiName.matches("r[it]_(.*_)?avax(_.*)?")) {
            return "AVAX series are named by the wrapped token's symbol, wavax; " + API_NAME_FORMS;
        }
        return API_NAME_FORMS;
    }

    private static RiSeries riSeries(String[] parts) {
        Token token = tokenOf(parts[0]);
        Mode mode = modeOf(parts[1]);
        if (mode == null) {
            throw new SeriesNameException(
                    "unknown mode '" + parts[1] + "': expected supply or borrow");
        }
        Pool pool =
                POOLS.stream()
                        .filter(p -> p.id().equalsIgnoreCase(parts[2]))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new SeriesNameException(
                                                "unknown pool '"
                                                        + parts[2]
                                                        + "': expected P000..P006"));
        return new RiSeries(token, mode, pool);
    }

    private static RtSeries rtSeries(String[] parts) {
        Token source = tokenOf(parts[0]);
        Token target = tokenOf(parts[1]);
        Oracle oracle =
                ORACLES.stream()
                        .filter(o -> o.id().equalsIgnoreCase(parts[2]))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new SeriesNameException(
                                                "unknown oracle '"
                                                        + parts[2]
                                                        + "': expected T000..T006 (or a mode"
                                                        + " supply/borrow and a pool P000..P006)"));
        return new RtSeries(source, target, oracle);
    }

    private static Token tokenOf(String name) {
        for (Token token : Token.values()) {
            if (token.name().equalsIgnoreCase(name)) {
                return token;
            }
        }
        throw new SeriesNameException(
                "unknown token '"
                        + name
                        + "': expected one of "
                        + Arrays.stream(Token.values())
                                .map(Token::name)
                                .collect(Collectors.joining(", ")));
    }

    private static @Nullable Mode modeOf(String label) {
        for (Mode mode : Mode.values()) {
            if (mode.label().equalsIgnoreCase(label)) {
                return mode;
            }
        }
        return null;
    }

    private static List<RiSeries> riSeries() {
        List<RiSeries> series = new ArrayList<>();
        for (Pool pool : POOLS) {
            for (Token token : List.of(pool.first(), pool.second())) {
                for (Mode mode : Mode.values()) {
                    series.add(new RiSeries(token, mode, pool));
                }
            }
        }
        return List.copyOf(series);
    }

    private static List<RtSeries> rtSeries() {
        List<RtSeries> series = new ArrayList<>();
        for (Oracle oracle : ORACLES) {
            series.add(new RtSeries(oracle.a(), oracle.b(), oracle));
        }
        for (Oracle oracle : ORACLES) {
            series.add(new RtSeries(oracle.b(), oracle.a(), oracle));
        }
        return List.copyOf(series);
    }

    private static List<Series> all(List<RiSeries> ri, List<RtSeries> rt) {
        List<Series> all = new ArrayList<>(ri);
        all.addAll(rt);
        return List.copyOf(all);
    }

    private static Map<String, Series> index(Function<Series, String> name) {
        Map<String, Series> byName = new LinkedHashMap<>();
        for (Series series : ALL) {
            byName.put(name.apply(series), series);
        }
        return Map.copyOf(byName);
    }
}
