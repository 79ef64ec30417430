package com.xpowerbanq.batch.launch;

import com.xpowerbanq.schema.Catalogue;
import com.xpowerbanq.schema.Kind;
import com.xpowerbanq.schema.Series;
import com.xpowerbanq.schema.SeriesNameException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * The {@code series=} parameter of every job: {@code all} (the default) or a comma-separated list
 * of series, each named by instance id ({@code APOW:supply:P000}), API name ({@code
 * ri_apow_supply_0}, as the web UI, the link directory and the nginx logs spell it) or state file.
 */
public final class SeriesParameter {
    public static final String ALL = "all";

    private SeriesParameter() {}

    /**
     * The series of {@code kind} that {@code value} selects, in the order given, each once.
     *
     * @param otherKind the job's words for a name (as given) of a series of the other kind
     * @throws IllegalArgumentException naming the series that is unknown or of the other kind
     */
    public static List<Series> parse(
            @Nullable String value, Kind kind, BiFunction<String, Series, String> otherKind) {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase(ALL)) {
            return List.copyOf(Catalogue.of(kind));
        }
        Set<Series> selected = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            String name = part.strip();
            if (name.isEmpty()) {
                continue;
            }
            Series series = named(name);
            if (series.kind() != kind) {
                throw new IllegalArgumentException(otherKind.apply(name, series));
            }
            selected.add(series);
        }
        if (selected.isEmpty()) {
            throw new IllegalArgumentException(
                    "series= names no series: use all or ids like "
                            + example(kind)
                            + " (or API names like "
                            + Catalogue.of(kind).getFirst().apiName()
                            + ")");
        }
        return new ArrayList<>(selected);
    }

    private static Series named(String name) {
        try {
            return Catalogue.fromName(name);
        } catch (SeriesNameException e) {
            throw new IllegalArgumentException(
                    "series="
                            + name
                            + ": "
                            + e.getMessage()
                            + "; `banq batch list` shows every series by instance id and API"
                            + " name");
        }
    }

    /** The instance id of the first series of {@code kind}, as an example in a message. */
    public static String example(Kind kind) {
        return Catalogue.of(kind).getFirst().instanceId();
    }
}
