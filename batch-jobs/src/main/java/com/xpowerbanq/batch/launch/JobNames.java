package com.xpowerbanq.batch.launch;

import java.util.List;
import java.util.Set;

/** Names of the jobs and their steps, shared by the CLI, the scheduler and the tests. */
public final class JobNames {
    public static final String REINDEX_WATCH = "reindex-watch";
    public static final String RETWAP_WATCH = "retwap-watch";
    public static final String REINDEX = "reindex";
    public static final String RETWAP = "retwap";

    /** The identifying job parameter that makes each fresh run a new job instance. */
    public static final String RUN = "run";

    /**
     * The identifying job parameter of an index job in a cluster: the host whose series databases
     * the instance writes.
     */
    public static final String HOST = "host";

    /**
     * Parameters the launchers add to any job: {@link #RUN} from the CLI, the fire time and trigger
     * kind from the scheduler. Job validators accept them.
     */
    public static final Set<String> LAUNCH_PARAMETERS = Set.of(RUN, HOST, "fired", "trigger");

    /** The partitioned step of an index job, one partition per series. */
    public static String partitionStep(String job) {
        return job + ".partitions";
    }

    /** The worker step of an index job; a partition's step name is this plus ":" and the series. */
    public static String seriesStep(String job) {
        return job + ".series";
    }

    public static List<String> indexJobs() {
        return List.of(REINDEX_WATCH, RETWAP_WATCH);
    }

    /**
     * Every job of banq-batch, sorted: what the CLI knows before any application context starts
     * (the context defines one {@code Job} bean per name, a test holds both to one list).
     */
    public static List<String> all() {
        return List.of(REINDEX, REINDEX_WATCH, RETWAP, RETWAP_WATCH);
    }

    private JobNames() {}
}
