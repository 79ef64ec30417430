package com.xpowerbanq.batch.launch;

/**
 * Where a job runs in a cluster of hosts. Each host keeps complete series databases for its own
 * API, so the index jobs run on every host ({@link #EVERY_HOST}: reading the chain is idempotent
 * and cheap); a transaction must be sent once, so the keepers, and the repository's prune, run on
 * one host per fire ({@link #ONE_HOST}). On a single host the two are the same.
 */
public enum JobPlacement {
    EVERY_HOST,
    ONE_HOST;

    public static JobPlacement of(String job) {
        return JobNames.indexJobs().contains(job) ? EVERY_HOST : ONE_HOST;
    }

    /** Whether each host runs its own instances of {@code job} here: an index job in a cluster. */
    public static boolean perHost(BanqProperties banq, String job) {
        return banq.clustered() && of(job) == EVERY_HOST;
    }

    /**
     * The name under which this host keeps {@code job}'s lock and fire log: the job's own, but
     * {@code job@host} where each host runs its own instances.
     */
    public static String keyOf(BanqProperties banq, String job) {
        return perHost(banq, job) ? job + "@" + banq.host() : job;
    }
}
