package com.xpowerbanq.chain.tx;

/**
 * Told by {@link TransactionSender} each time a node has taken a version of a duty's transaction
 * (the first submission and each replacement), before the sender awaits it: what a process keeps so
 * that, should it die, a later one resumes the transaction instead of sending the duty again.
 */
@FunctionalInterface
public interface FlightRecorder {
    /** Records nothing: a crash then leaves nothing to resume. */
    FlightRecorder NONE = record -> {};

    /** {@code record} is the transaction as it flies now; it replaces what was recorded before. */
    void taken(FlightRecord record);
}
