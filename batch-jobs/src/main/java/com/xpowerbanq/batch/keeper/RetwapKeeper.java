package com.xpowerbanq.batch.keeper;

import com.xpowerbanq.chain.tx.FlightRecorder;
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

    private final KeeperSessions.KeeperSession session;
    private final ContractReads reads;
    private final DeltaBounds bounds;
    private final BigInteger amount;
    private final FlightRecorder recorder;

    RetwapKeeper(
            KeeperSessions.KeeperSession session,
            DeltaBounds bounds,
            BigInteger amount,
            FlightRecorder recorder) {
        this.session = session;
        this.reads = session.reads();
        this.bounds = bounds;
        this.amount = amount;
        this.recorder = recorder;
    }

    public KeeperReport keep(RtSeries series) {
        String id = series.instanceId();
        ContractRegistry registry = session.registry();
        Optional<String> oracle = registry.address(series.oracle().id(), session.run());
        Optional<String> source = registry.address(series.source().name(), session.run());
        Optional<String> target = registry.address(series.target().name(), session.run());
        if (oracle.isEmpty() || source.isEmpty() || target.isEmpty()) {
            return SeriesTransaction.skipped(
                    id, ReindexKeeper.notDeployed(missing(series, oracle, source), session.run()));
        }
        try {
            return keep(id, oracle.get(), source.get(), target.get());
        } catch (IOException | RuntimeException e) {
            return SeriesTransaction.failed(id, e);
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
        return new SeriesTransaction(
                        id, oracle, call, "retwap() to oracle " + oracle + firstQuote(delta))
                .sendWith(session.sender(), recorder, delta);
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
