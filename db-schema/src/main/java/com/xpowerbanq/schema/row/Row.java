package com.xpowerbanq.schema.row;

/**
 * One event as the JSON of a {@code raw_logs} row, in the original system's format; {@link RowJson}
 * writes and reads it.
 */
public sealed interface Row permits RiRow, RefreshRow {

    /** The row's primary key, repeated as the JSON's first field. */
    String id();

    /** The log the event came in. */
    LogJson log();
}
