package com.xpowerbanq.batch.keeper;

import com.xpowerbanq.chain.tx.TransactionSender;
import com.xpowerbanq.chain.tx.TxOutcome;
import com.xpowerbanq.schema.ContractRegistry;
import com.xpowerbanq.schema.RtSeries;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;

/**
 * Sends {@code retwap(source, target)} to the oracle of one RT series when the oracle is not {@code
 * refreshed} and the relative delta between its quote and its feed's quote for {@code amount} is
 * within the bounds; reports the delta either way.
 */
public final class RetwapKeeper {
    /** The amount the original CLI quoted by default (in the source token's smallest unit). */
    public static final BigInteger DEFAULT_AMOUNT = BigInteger.valueOf(1_000_000_000L);

    private final ContractRegistry registry;
    private final String run;
    private final ContractReads reads;
    private final @Nullable TransactionSender sender;
    private final DeltaBounds bounds;
    private final BigInteger amount;

    RetwapKeeper(
            ContractRegistry registry,
            String run,
            ContractReads reads,
            @Nullable TransactionSender sender,
            DeltaBounds bounds,
            BigInteger amount) {
        this.registry = registry;
        this.run = run;
        this.reads = reads;
        this.sender = sender;
        this.bounds = bounds;
        this.amount = amount;
    }

    public KeeperReport keep(RtSeries series) {
        String id = series.instanceId();
        Optional<String> oracle = registry.address(series.oracle().id(), run);
        Optional<String> source = registry.address(series.source().name(), run);
        Optional<String> target = registry.address(series.target().name(), run);
        if (oracle.isEmpty() || source.isEmpty() || target.isEmpty()) {
            return new KeeperReport(
                    id,
                    KeeperReport.Action.SKIPPED,
                    null,
                    null,
                    ReindexKeeper.notDeployed(missing(series, oracle, source), run));
        }
        try {
            return keep(id, oracle.get(), source.get(), target.get());
        } catch (IOException | RuntimeException e) {
            return new KeeperReport(
                    id, KeeperReport.Action.FAILED, null, null, String.valueOf(e.getMessage()));
        }
    }

    private KeeperReport keep(String id, String oracle, String source, String target)
            throws IOException {
        if (reads.refreshed(oracle, source, target)) {
            return new KeeperReport(id, KeeperReport.Action.HELD, null, null, "already refreshed");
        }
        String feed = reads.feedOf(oracle, source, target);
        Optional<ContractReads.Quote> quote =
                reads.oracleQuoteIfAny(oracle, amount, source, target);
        // an oracle without a quote of the pair has nothing to compare: its first retwap is due
        @Nullable Double delta =
                quote.isEmpty()
                        ? null
                        : RelativeDelta.of(quote.get(), reads.feedQuote(feed, amount));
        if (delta != null && !bounds.allows(delta)) {
            return new KeeperReport(
                    id,
                    KeeperReport.Action.HELD,
                    null,
                    delta,
                    "delta outside "
                            + percent(bounds.min())
                            + ".."
                            + percent(bounds.max())
                            + " (percent-min..percent-max)");
        }
        String call =
                FunctionEncoder.encode(
                        new Function(
                                "retwap",
                                List.of(new Address(source), new Address(target)),
                                List.of()));
        if (sender == null) {
            return new KeeperReport(
                    id,
                    KeeperReport.Action.WOULD_SEND,
                    null,
                    delta,
                    "retwap() to oracle "
                            + oracle
                            + firstQuote(delta)
                            + " (dry run: add broadcast=true to send)");
        }
        TxOutcome outcome = sender.send(oracle, call);
        return new KeeperReport(
                id,
                outcome.hash() == null ? KeeperReport.Action.FAILED : KeeperReport.Action.SENT,
                outcome,
                delta,
                "retwap() to oracle " + oracle + firstQuote(delta));
    }

    private static String firstQuote(@Nullable Double delta) {
        return delta == null ? " (the pair's first quote)" : "";
    }

    private static String percent(double fraction) {
        return String.format(java.util.Locale.ROOT, "%.2f%%", 100 * fraction);
    }

    private static String missing(
            RtSeries series, Optional<String> oracle, Optional<String> source) {
        if (oracle.isEmpty()) {
            return series.oracle().id();
        }
        return source.isEmpty() ? series.source().name() : series.target().name();
    }
}
