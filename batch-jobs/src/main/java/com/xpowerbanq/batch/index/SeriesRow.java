package com.xpowerbanq.batch.index;

/** One event as a row of {@code raw_logs}: its id and its JSON in the original format. */
public record SeriesRow(String id, String json, long block, int logIndex) implements ScanItem {}
