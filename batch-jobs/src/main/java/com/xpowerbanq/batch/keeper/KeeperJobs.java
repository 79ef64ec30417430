package com.xpowerbanq.batch.keeper;

/** Names shared by the keeper jobs, the CLI, the scheduler and the tests. */
public final class KeeperJobs {
    public static final String REINDEX = "reindex";
    public static final String RETWAP = "retwap";

    public static final String REINDEX_STEP = "reindex.series";
    public static final String REINDEX_PARTITION_STEP = "reindex.partition";
    public static final String RETWAP_STEP = "retwap.series";
    public static final String RETWAP_PARTITION_STEP = "retwap.partition";

    /** {@code all} or a comma-separated list of instance ids. */
    public static final String SERIES = "series";

    /** {@code true} to sign and send; anything else is a dry run. */
    public static final String BROADCAST = "broadcast";

    public static final String PERCENT_MIN = "percent-min";
    public static final String PERCENT_MAX = "percent-max";

    /** The amount quoted by oracle and feed, in the source token's smallest unit. */
    public static final String AMOUNT = "amount";

    private KeeperJobs() {}
}
