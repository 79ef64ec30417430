package com.xpowerbanq.batch.status;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the daemon is doing, at one moment: the chain head, every series with its progress and last
 * keeper transaction, every schedule, and the job executions of the last 24 hours. The status page,
 * the series and schedule metrics and {@code banq-batch status --json} all show this one value.
 */
public record StatusSnapshot(
        Instant taken,
        String run,
        @Nullable Long headBlock,
        @Nullable Instant headTime,
        @Nullable String chainError,
        List<SeriesStatus> series,
        List<ScheduleStatus> schedules,
        List<ExecutionStatus> executions) {

    /**
     * One series: its database's progress (null fields when it has none yet), its lag behind the
     * chain head (null when the head is unknown) and the last keeper transaction for it.
     */
    public record SeriesStatus(
            String run,
            String series,
            String api,
            String kind,
            boolean database,
            @Nullable Long lastBlock,
            @Nullable Long lagBlocks,
            @Nullable Long lagSeconds,
            long rows,
            @Nullable Instant lastEventTime,
            @Nullable KeeperStatus keeper,
            @Nullable String problem) {}

    /** The last time a keeper job handled a series: what it did and the transaction it sent. */
    public record KeeperStatus(
            String job,
            long execution,
            @Nullable Instant at,
            String outcome,
            @Nullable String tx) {}

    /** One schedule: its cron, whether it runs, its next fire, its last fire and last success. */
    public record ScheduleStatus(
            String schedule,
            String cron,
            boolean enabled,
            @Nullable Instant nextFire,
            @Nullable Instant lastFire,
            @Nullable Instant lastSuccess) {}

    /**
     * One job execution: its status, exit code, times, how many series failed and, in a cluster of
     * hosts, the host that ran it.
     */
    public record ExecutionStatus(
            long id,
            String job,
            String status,
            String exitCode,
            @Nullable Instant start,
            @Nullable Instant end,
            int series,
            int failedSeries,
            @Nullable String host) {}
}
