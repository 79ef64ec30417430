package com.xpowerbanq.batch.keeper;

import com.xpowerbanq.chain.tx.FlightRecorder;
import com.xpowerbanq.chain.tx.TransactionSender;
import com.xpowerbanq.chain.tx.TxOutcome;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * The transaction a keeper found due for one series: sent with the session's sender, or only
 * described on a dry run (no sender); either way the report says which call went where. Each
 * version a node takes is told to the partition's recorder before it is awaited.
 */
record SeriesTransaction(String series, String to, String call, String what) {

    KeeperReport sendWith(
            @Nullable TransactionSender sender, FlightRecorder recorder, @Nullable Double delta)
            throws IOException {
        if (sender == null) {
            return new KeeperReport(
                    series,
                    KeeperReport.Action.WOULD_SEND,
                    null,
                    delta,
                    what + " (dry run: add broadcast=true to send)");
        }
        TxOutcome outcome = sender.send(to, call, recorder);
        return new KeeperReport(
                series,
                outcome.hash() == null ? KeeperReport.Action.FAILED : KeeperReport.Action.SENT,
                outcome,
                delta,
                what);
    }

    /** The series is skipped: {@code detail} says why. */
    static KeeperReport skipped(String series, String detail) {
        return new KeeperReport(series, KeeperReport.Action.SKIPPED, null, null, detail);
    }

    /** Reading the chain or sending failed for the series. */
    static KeeperReport failed(String series, Exception e) {
        return new KeeperReport(
                series, KeeperReport.Action.FAILED, null, null, String.valueOf(e.getMessage()));
    }
}
