package com.xpowerbanq.batch.keeper;

import com.xpowerbanq.batch.launch.JobNames;

/** Names of the keeper jobs, their steps and parameters (job names as in {@link JobNames}). */
public final class KeeperJobs {
    public static final String REINDEX = JobNames.REINDEX;
    public static final String RETWAP = JobNames.RETWAP;

    public static final String REINDEX_STEP = JobNames.seriesStep(REINDEX);
    public static final String REINDEX_PARTITION_STEP = JobNames.partitionStep(REINDEX);
    public static final String RETWAP_STEP = JobNames.seriesStep(RETWAP);
    public static final String RETWAP_PARTITION_STEP = JobNames.partitionStep(RETWAP);

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
