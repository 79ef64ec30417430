package com.xpowerbanq.batch.keeper;

import com.xpowerbanq.chain.tx.TxOutcome;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The result of keeping one series: what was done (or would be done) and, when a transaction was
 * sent, its outcome; for retwap also the relative delta between oracle and feed.
 */
public record KeeperReport(
        String series,
        Action action,
        @Nullable TxOutcome tx,
        @Nullable Double delta,
        String detail) {

    public enum Action {
        /** A transaction was sent; see {@link KeeperReport#tx()}. */
        SENT,
        /** Dry run: it would have been sent. */
        WOULD_SEND,
        /** Nothing to send: already refreshed, or the delta is outside the bounds. */
        HELD,
        /** The series has no contract in this run (zero or missing address). */
        SKIPPED,
        /** Reading the chain failed for this series. */
        FAILED
    }

    /** True unless this series failed: a read that failed or a transaction that did not confirm. */
    public boolean ok() {
        return action != Action.FAILED && (tx == null || tx.confirmed());
    }

    /** The delta in percent with two decimals, as the original CLI printed it. */
    public @Nullable String deltaPercent() {
        return delta == null
                ? null
                : Double.isInfinite(delta)
                        ? "inf%"
                        : String.format(Locale.ROOT, "%.2f%%", 100 * delta);
    }

    @Override
    public String toString() {
        StringBuilder out =
                new StringBuilder(series)
                        .append(' ')
                        .append(action.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        if (delta != null) {
            out.append(" delta ").append(deltaPercent());
        }
        if (tx != null) {
            out.append(" [").append(tx).append(']');
        }
        if (!detail.isEmpty()) {
            out.append(": ").append(detail);
        }
        return out.toString();
    }
}
