package com.xpowerbanq.batch.keeper;

import com.xpowerbanq.schema.Catalogue;
import com.xpowerbanq.schema.Kind;
import com.xpowerbanq.schema.Series;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The series a keeper run covers: {@code all} (the default) or a comma-separated list of ids. */
final class SeriesSelection {
    static final String ALL = "all";

    private SeriesSelection() {}

    /**
     * Parses {@code value} for series of {@code kind}.
     *
     * @throws IllegalArgumentException naming the id that is unknown or of the other kind
     */
    static List<Series> parse(@Nullable String value, Kind kind) {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase(ALL)) {
            return List.copyOf(Catalogue.of(kind));
        }
        Set<Series> selected = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            String id = part.strip();
            if (id.isEmpty()) {
                continue;
            }
            Series series = Catalogue.parse(id);
            if (series.kind() != kind) {
                throw new IllegalArgumentException(
                        "series "
                                + id
                                + " is a "
                                + series.kind()
                                + " series; this job keeps "
                                + kind
                                + " series only ("
                                + example(kind)
                                + ")");
            }
            selected.add(series);
        }
        if (selected.isEmpty()) {
            throw new IllegalArgumentException(
                    "series= names no series: use all or ids like " + example(kind));
        }
        return new ArrayList<>(selected);
    }

    private static String example(Kind kind) {
        return kind == Kind.RI ? "APOW:supply:P000" : "XPOW_APOW:T000";
    }
}
