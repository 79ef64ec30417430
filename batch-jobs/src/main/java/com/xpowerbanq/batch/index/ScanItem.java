package com.xpowerbanq.batch.index;

/** What the reader of a series hands to the writer: event rows, and the end of each window. */
public sealed interface ScanItem permits SeriesRow, WindowEnd {}
