package com.xpowerbanq.batch.index;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What one series scans in one run, fixed when the run starts and kept in the step's
 * ExecutionContext so a restart scans exactly the same range.
 */
record ScanPlan(
        long chainId, String contract, long from, long to, long window, @Nullable String skip) {

    static final String CHAIN_ID = "ScanPlan.chainId";
    static final String CONTRACT = "ScanPlan.contract";
    static final String FROM = "ScanPlan.from";
    static final String TO = "ScanPlan.to";
    static final String WINDOW = "ScanPlan.window";
    static final String SKIP = "ScanPlan.skip";

    static ScanPlan skipped(String reason) {
        return new ScanPlan(0, "", 0, -1, 1, reason);
    }

    boolean isSkipped() {
        return skip != null;
    }

    int windows() {
        if (to < from) {
            return 0;
        }
        return (int) ((to - from) / window + 1);
    }

    /** The 1-based number of the window starting at {@code start}. */
    int windowIndex(long start) {
        return (int) ((start - from) / window + 1);
    }

    void saveTo(ExecutionContext context) {
        context.putLong(CHAIN_ID, chainId);
        context.putString(CONTRACT, contract);
        context.putLong(FROM, from);
        context.putLong(TO, to);
        context.putLong(WINDOW, window);
        if (skip != null) {
            context.putString(SKIP, skip);
        }
    }

    static @Nullable ScanPlan loadFrom(ExecutionContext context) {
        if (!context.containsKey(FROM)) {
            return null;
        }
        return new ScanPlan(
                context.getLong(CHAIN_ID),
                context.getString(CONTRACT),
                context.getLong(FROM),
                context.getLong(TO),
                context.getLong(WINDOW),
                context.containsKey(SKIP) ? context.getString(SKIP) : null);
    }
}
