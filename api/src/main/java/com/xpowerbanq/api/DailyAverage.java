package com.xpowerbanq.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One day of a utilisation series: the mean of util_e18 over the day's events and their count. Key
 * order is part of the contract: the web UI reads rows by position.
 */
@JsonPropertyOrder({"avg_util", "day", "n"})
record DailyAverage(@JsonProperty("avg_util") double avgUtil, String day, long n)
        implements DailyRow {}
