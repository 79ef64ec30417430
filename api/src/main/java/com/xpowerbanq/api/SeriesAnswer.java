package com.xpowerbanq.api;

import org.jspecify.annotations.Nullable;

/**
 * The answer to a day window of one database.
 *
 * @param file the database file name, for {@code X-Database}
 * @param etag the strong entity tag of this answer, quotes included
 * @param json the rows as JSON, or null when the client's copy (If-None-Match) is current
 * @param source where the rows came from
 */
record SeriesAnswer(String file, String etag, @Nullable String json, Source source) {

    /** Where an answer came from, cheapest first; the metrics count answers by it. */
    enum Source {
        /** The client's copy is current (If-None-Match): no rows sent. */
        NOT_MODIFIED,
        /** The answer cache: computed for an earlier request of the same tag. */
        CACHE,
        /** The rollup snapshot kept in memory while the file holds still. */
        SNAPSHOT,
        /** A windowed query over the daily rollup. */
        SQL,
        /** The original's formulas over raw_logs (a database the original system wrote). */
        LEGACY_SQL;

        /** The label value: {@code not_modified}, {@code cache}, … */
        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    boolean notModified() {
        return json == null;
    }
}
