package com.xpowerbanq.batch.launch;

/**
 * Rows a feature keeps per job instance beside Spring Batch's own tables: {@link RepositoryPruner}
 * deletes them with the instance.
 */
@FunctionalInterface
public interface InstanceRecords {
    /** Deletes what is kept for the job instance {@code jobInstanceId}. */
    void deleteInstance(long jobInstanceId);
}
