package com.xpowerbanq.api;

import java.util.List;

/** A row of a daily series answer, written as JSON by hand: rows are the hot path. */
sealed interface DailyRow permits DailyAverage, DailyOhlc {

    void writeTo(StringBuilder out);

    /** The JSON array of rows followed by a newline, as Go's {@code json.Encoder} writes it. */
    static String toJson(List<? extends DailyRow> rows) {
        StringBuilder out = new StringBuilder(32 + rows.size() * 112);
        out.append('[');
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            rows.get(i).writeTo(out);
        }
        return out.append("]\n").toString();
    }
}
