package com.xpowerbanq.batch.launch;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What a prune of the job repository deleted (or, in a dry run, would delete): job instances with
 * all their job and step executions, finished before {@code cutoff}.
 */
public record PruneReport(
        Instant cutoff, boolean dryRun, long instances, long jobExecutions, long stepExecutions) {

    /** One line for the console and the log. */
    public String summary() {
        return String.format(
                "%s %d job instances, %d job executions, %d step executions finished before %s",
                dryRun ? "would delete" : "deleted",
                instances,
                jobExecutions,
                stepExecutions,
                cutoff.truncatedTo(ChronoUnit.SECONDS));
    }
}
