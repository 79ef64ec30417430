package com.xpowerbanq.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * One day of a quote series: open, high, low and close of the mid price, and the event count. Key
 * order is part of the contract: the web UI reads rows by position.
 */
@JsonPropertyOrder({"open", "high", "low", "close", "day", "n"})
record DailyOhlc(
        @Nullable Double open, double high, double low, @Nullable Double close, String day, long n)
        implements DailyRow {}
