package com.xpowerbanq.batch.index;

import com.xpowerbanq.chain.rpc.ChainLog;
import com.xpowerbanq.schema.ContractRun;
import com.xpowerbanq.schema.RtSeries;
import com.xpowerbanq.schema.row.RefreshRow;
import com.xpowerbanq.schema.row.RtMidRow;
import com.xpowerbanq.schema.row.RtRow;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * {@code Refresh(address indexed source, address indexed target, quote)} of an oracle into an RT
 * row. v10a's quote is the tuple {@code (bid, ask, time)}, written as {@code quote_bid}, {@code
 * quote_ask}, {@code quote_time}; v10b/v10c's is one packed word, written as the original CLI wrote
 * it: {@code quote_mid}, {@code quote_rel}, {@code quote_utc} ({@link PackedQuote}).
 */
final class RefreshDecoder extends EventDecoder {

    private final RtSeries series;
    private final String source;
    private final String target;
    private final ContractRun run;

    RefreshDecoder(RtSeries series, String sourceAddress, String targetAddress, ContractRun run) {
        this.series = series;
        this.source = checksum(sourceAddress);
        this.target = checksum(targetAddress);
        this.run = run;
    }

    @Override
    List<@Nullable String> topics() {
        return Arrays.asList(run.refreshTopic(), addressTopic(source), addressTopic(target));
    }

    @Override
    SeriesRow decode(long chainId, ChainLog log) {
        List<String> topics = log.topics();
        if (topics.size() != 3
                || !topics.get(0).toLowerCase(Locale.ROOT).equals(run.refreshTopic())
                || !topics.get(1).toLowerCase(Locale.ROOT).equals(addressTopic(source))
                || !topics.get(2).toLowerCase(Locale.ROOT).equals(addressTopic(target))) {
            throw undecodable(
                    log,
                    "Refresh",
                    run,
                    "its topics " + topics + " are not the Refresh of " + series.instanceId());
        }
        String id = EventId.of(chainId, log.blockHash(), log.logIndex());
        String sourceSymbol = series.source().name();
        String targetSymbol = series.target().name();
        RefreshRow row;
        if (run.packed()) {
            PackedQuote quote = PackedQuote.of(words(log, 1, "Refresh", run).get(0));
            row =
                    new RtMidRow(
                            id,
                            sourceSymbol,
                            source,
                            targetSymbol,
                            target,
                            quote.mid(),
                            quote.rel(),
                            quote.utc(),
                            logJson(log));
        } else {
            List<BigInteger> w = words(log, 3, "Refresh", run);
            row =
                    new RtRow(
                            id,
                            sourceSymbol,
                            source,
                            targetSymbol,
                            target,
                            w.get(0),
                            w.get(1),
                            w.get(2),
                            logJson(log));
        }
        return SeriesRow.of(row);
    }
}
