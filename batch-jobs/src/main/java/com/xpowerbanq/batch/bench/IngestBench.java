package com.xpowerbanq.batch.bench;

import java.util.Map;

/** Placeholder replaced below. */
public final class IngestBench {
    private IngestBench() {}

    public static int run(Map<String, String> parameters, String[] options) {
        return 70;
    }
}
