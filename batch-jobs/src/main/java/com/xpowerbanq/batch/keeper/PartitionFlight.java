package com.xpowerbanq.batch.keeper;

import com.xpowerbanq.chain.tx.FlightRecord;
import com.xpowerbanq.chain.tx.FlightRecorder;
import com.xpowerbanq.chain.tx.TransactionSender;
import com.xpowerbanq.chain.tx.TxOutcome;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transaction in flight of one series in one keeper job instance: recorded in the {@link
 * FlightStore} as each version is taken, resumed when an interrupted execution of the instance is
 * restarted, and forgotten once the chain says it can have no effect, so that the series is decided
 * again. A transaction that was, or may yet be, mined keeps its record: the restart awaits it
 * instead of sending the duty a second time.
 */
final class PartitionFlight {
    private static final Logger log = LoggerFactory.getLogger(PartitionFlight.class);

    /** Outcomes after which the duty is undone and no version can be mined any more. */
    private static final Set<TxOutcome.Status> NO_EFFECT =
            Set.of(
                    TxOutcome.Status.REVERTED,
                    TxOutcome.Status.OUT_OF_GAS,
                    TxOutcome.Status.REPLACED);

    /** Awaits a recorded transaction again, as {@link TransactionSender#resume} does. */
    @FunctionalInterface
    interface Resumer {
        TxOutcome resume(FlightRecord record, FlightRecorder recorder);
    }

    private final FlightStore store;
    private final long jobInstanceId;
    private final String series;

    PartitionFlight(FlightStore store, long jobInstanceId, String series) {
        this.store = store;
        this.jobInstanceId = jobInstanceId;
        this.series = series;
    }

    /** Keeps each version of the series' transaction as a node takes it. */
    FlightRecorder recorder() {
        return record -> store.keep(jobInstanceId, series, record);
    }

    /** As {@link #resume(Resumer)} with {@code sender}; nothing to resume on a dry run. */
    Optional<KeeperReport> resume(@Nullable TransactionSender sender) {
        return sender == null ? Optional.empty() : resume(sender::resume);
    }

    /**
     * The report of the transaction an interrupted execution sent for the series, awaited again by
     * {@code sender}; empty when there is none, or when another transaction took its nonce and none
     * of its versions was mined: then the series is to be decided as usual.
     */
    Optional<KeeperReport> resume(Resumer sender) {
        FlightRecord record;
        TxOutcome outcome;
        try {
            Optional<FlightRecord> recorded = store.find(jobInstanceId, series);
            if (recorded.isEmpty()) {
                return Optional.empty();
            }
            record = recorded.get();
            log.info(
                    "{}: resuming the interrupted run's transaction with nonce {} to {} ({})",
                    series,
                    record.nonce(),
                    record.to(),
                    String.join(", ", record.hashes()));
            outcome = sender.resume(record, recorder());
        } catch (RuntimeException e) {
            return Optional.of(SeriesTransaction.failed(series, e));
        }
        if (outcome.status() == TxOutcome.Status.REPLACED) {
            log.warn("{}: the interrupted run's transaction {}; deciding again", series, outcome);
            store.forget(jobInstanceId, series);
            return Optional.empty();
        }
        KeeperReport report =
                new KeeperReport(
                        series,
                        KeeperReport.Action.SENT,
                        outcome,
                        null,
                        "resumed the interrupted run's transaction to " + record.to());
        settle(report);
        return Optional.of(report);
    }

    /**
     * Forgets the series' record when {@code report}'s transaction can have no effect (reverted,
     * out of gas, or its nonce taken by another), so that a restart decides the series again.
     */
    void settle(KeeperReport report) {
        if (report.tx() != null && NO_EFFECT.contains(report.tx().status())) {
            store.forget(jobInstanceId, series);
        }
    }
}
