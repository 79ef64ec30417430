package com.xpowerbanq.api;

import org.jspecify.annotations.Nullable;

/**
 * The answer to a day window of one database.
 *
 * @param file the database file name, for {@code X-Database}
 * @param etag the strong entity tag of this answer, quotes included
 * @param body the rows as JSON, or null when the client's copy (If-None-Match) is current
 */
record SeriesAnswer(String file, String etag, @Nullable AnswerBody body) {

    boolean notModified() {
        return body == null;
    }
}
