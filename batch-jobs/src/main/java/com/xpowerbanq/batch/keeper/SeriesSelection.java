package com.xpowerbanq.batch.keeper;

import com.xpowerbanq.batch.launch.SeriesParameter;
import com.xpowerbanq.schema.Kind;
import com.xpowerbanq.schema.Series;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The series a keeper run covers: {@code all} (the default) or a comma-separated list of names (see
 * {@link SeriesParameter}).
 */
final class SeriesSelection {
    private SeriesSelection() {}

    /**
     * Parses {@code value} for series of {@code kind}.
     *
     * @throws IllegalArgumentException naming the series that is unknown or of the other kind
     */
    static List<Series> parse(@Nullable String value, Kind kind) {
        return SeriesParameter.parse(
                value,
                kind,
                (name, series) ->
                        "series "
                                + name
                                + " is a "
                                + series.kind()
                                + " series; this job keeps "
                                + kind
                                + " series only ("
                                + SeriesParameter.example(kind)
                                + ")");
    }
}
