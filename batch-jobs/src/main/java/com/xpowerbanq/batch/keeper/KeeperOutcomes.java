package com.xpowerbanq.batch.keeper;

/**
 * Told of every series a keeper job has handled, with its report: the one place where the daemon's
 * metrics learn what the keepers did.
 */
@FunctionalInterface
public interface KeeperOutcomes {
    KeeperOutcomes NONE = (job, report) -> {};

    void kept(String job, KeeperReport report);
}
