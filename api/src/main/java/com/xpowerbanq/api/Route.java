package com.xpowerbanq.api;

/**
 * The two data routes of the original API: which databases they read and how they describe
 * themselves.
 */
enum Route {
    DAILY_AVERAGE(
            "daily_average",
            "ri_",
            "Daily average utilization rates",
            "/ri_apow_supply_0/daily_average.json?lhs=2025-11-15&rhs=2025-12-15"),
    DAILY_OHLC(
            "daily_ohlc",
            "rt_",
            "Daily OHLC price quotes",
            "/rt_apow_xpow_0/daily_ohlc.json?lhs=2025-11-15&rhs=2025-12-15");

    private final String name;
    private final String prefix;
    private final String description;
    private final String example;

    Route(String name, String prefix, String description, String example) {
        this.name = name;
        this.prefix = prefix;
        this.description = description;
        this.example = example;
    }

    String path() {
        return "/{db}/" + name + ".json";
    }

    String routeName() {
        return name;
    }

    String prefix() {
        return prefix;
    }

    String description() {
        return description;
    }

    String example() {
        return example;
    }
}
