package com.xpowerbanq.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Recent answers by entity tag. A tag is derived from the route, the window and the state of the
 * database file, so a cached answer can never outlive the data it was computed from: any commit
 * changes the tag and the next request computes afresh. Bounded in entries and in characters.
 */
final class AnswerCache {
    private final int maxEntries;
    private final long maxChars;
    private long chars;
    private final LinkedHashMap<String, String> answers = new LinkedHashMap<>(64, 0.75f, true);

    AnswerCache(int maxEntries, long maxChars) {
        this.maxEntries = maxEntries;
        this.maxChars = maxChars;
    }

    synchronized @Nullable String get(String etag) {
        return answers.get(etag);
    }

    synchronized void put(String etag, String json) {
        if (json.length() > maxChars || maxEntries == 0) {
            return;
        }
        String previous = answers.put(etag, json);
        chars += json.length() - (previous == null ? 0 : previous.length());
        var eldest = answers.entrySet().iterator();
        while ((answers.size() > maxEntries || chars > maxChars) && eldest.hasNext()) {
            Map.Entry<String, String> entry = eldest.next();
            chars -= entry.getValue().length();
            eldest.remove();
        }
    }

    synchronized int size() {
        return answers.size();
    }
}
