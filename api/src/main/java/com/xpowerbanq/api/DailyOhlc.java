package com.xpowerbanq.api;

import org.jspecify.annotations.Nullable;

/** One day of a quote series: open, high, low and close of the mid price, and the event count. */
record DailyOhlc(
        @Nullable Double open, double high, double low, @Nullable Double close, String day, long n)
        implements DailyRow {

    /** Key order is part of the contract: the web UI reads rows by position. */
    @Override
    public void writeTo(StringBuilder out) {
        nullable(out.append("{\"open\":"), open);
        GoJson.number(out.append(",\"high\":"), high);
        GoJson.number(out.append(",\"low\":"), low);
        nullable(out.append(",\"close\":"), close);
        GoJson.string(out.append(",\"day\":"), day);
        out.append(",\"n\":").append(n).append('}');
    }

    private static void nullable(StringBuilder out, @Nullable Double value) {
        if (value == null) {
            out.append("null");
        } else {
            GoJson.number(out, value);
        }
    }
}
