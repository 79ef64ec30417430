package com.xpowerbanq.api;

import com.xpowerbanq.api.json.GoJson;
import java.util.List;

/** A row of a daily series answer. */
sealed interface DailyRow permits DailyAverage, DailyOhlc {

    /** The answer body: the JSON array of rows followed by a newline. */
    static String toJson(List<? extends DailyRow> rows) {
        return GoJson.document(rows);
    }
}
