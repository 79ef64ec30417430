package com.xpowerbanq.batch.index;

import com.xpowerbanq.schema.row.Row;
import com.xpowerbanq.schema.row.RowJson;

/** One event as a row of {@code raw_logs}: its id and its JSON in the original format. */
public record SeriesRow(String id, String json, long block, int logIndex) implements ScanItem {

    /** The row of a decoded event, its JSON written once by {@link RowJson}. */
    public static SeriesRow of(Row row) {
        return new SeriesRow(
                row.id(), RowJson.write(row), row.log().blockNumber(), row.log().index());
    }
}
