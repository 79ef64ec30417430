package com.xpowerbanq.schema;

/**
 * The two kinds of series: RI indexes {@code Reindex} events, RT indexes {@code Refresh} quotes.
 */
public enum Kind {
    RI("ri-", "ri_", "Reindex", "riw_view"),
    RT("rt-", "rt_", "Refresh", "rtw_view");

    private final String filePrefix;
    private final String apiPrefix;
    private final String eventName;
    private final String viewName;

    Kind(String filePrefix, String apiPrefix, String eventName, String viewName) {
        this.filePrefix = filePrefix;
        this.apiPrefix = apiPrefix;
        this.eventName = eventName;
        this.viewName = viewName;
    }

    /** Prefix of the state file name: "ri-" or "rt-". */
    public String filePrefix() {
        return filePrefix;
    }

    /** Prefix of the API name: "ri_" or "rt_". */
    public String apiPrefix() {
        return apiPrefix;
    }

    /** The contract event this kind indexes, also the {@code filter} field of its rows. */
    public String eventName() {
        return eventName;
    }

    /** The view the original system defined over {@code raw_logs}. */
    public String viewName() {
        return viewName;
    }
}
