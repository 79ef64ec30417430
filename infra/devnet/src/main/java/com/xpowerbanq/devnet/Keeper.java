package com.xpowerbanq.devnet;

/**
 * The keeper of a simulated protocol: sends the keeper transactions a step leaves to it, as the
 * operator's keeper jobs do on a real network. The devnet calls it right after mining the step's
 * block, while it mines whatever is pending every few milliseconds, so its transactions land in
 * simulated time just after the step. A duty has a deadline ({@link DevnetOptions#dutyDeadline}).
 */
public interface Keeper extends AutoCloseable {

    /** What a step asks of the keeper. */
    enum Duty {
        /** {@code reindex()} on every position. */
        REINDEX,
        /** {@code retwap(source, target)} on every oracle pair that is due. */
        RETWAP
    }

    /** Performs a duty on the live chain; returns once its transactions are mined. */
    void perform(Duty duty);

    /** Releases what the keeper holds (connections, job repository); the chain stays up. */
    @Override
    default void close() {}

    /** Makes the keeper of a devnet once the protocol is deployed and its registry written. */
    @FunctionalInterface
    interface Factory {
        Keeper open(Devnet devnet);
    }
}
