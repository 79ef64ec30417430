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
    private final long maxBytes;
    private long bytes;
    private final LinkedHashMap<String, AnswerBody> answers = new LinkedHashMap<>(64, 0.75f, true);

    AnswerCache(int maxEntries, long maxBytes) {
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    synchronized @Nullable AnswerBody get(String etag) {
        return answers.get(etag);
    }

    synchronized void put(String etag, AnswerBody body) {
        int size = body.identity().length;
        if (size > maxBytes || maxEntries == 0) {
            return;
        }
        AnswerBody previous = answers.put(etag, body);
        bytes += size - (previous == null ? 0 : previous.identity().length);
        var eldest = answers.entrySet().iterator();
        while ((answers.size() > maxEntries || bytes > maxBytes) && eldest.hasNext()) {
            Map.Entry<String, AnswerBody> entry = eldest.next();
            bytes -= entry.getValue().identity().length;
            eldest.remove();
        }
    }

    synchronized int size() {
        return answers.size();
    }
}
