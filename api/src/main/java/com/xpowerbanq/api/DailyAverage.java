package com.xpowerbanq.api;

/** One day of a utilisation series: the mean of util_e18 over the day's events and their count. */
record DailyAverage(double avgUtil, String day, long n) implements DailyRow {

    /** Key order is part of the contract: the web UI reads rows by position. */
    @Override
    public void writeTo(StringBuilder out) {
        GoJson.number(out.append("{\"avg_util\":"), avgUtil);
        GoJson.string(out.append(",\"day\":"), day);
        out.append(",\"n\":").append(n).append('}');
    }
}
