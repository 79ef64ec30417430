package com.xpowerbanq.batch.index;

import com.xpowerbanq.chain.rpc.ChainLog;
import com.xpowerbanq.schema.RtSeries;
import com.xpowerbanq.schema.row.RtRow;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * v10a {@code Refresh(address indexed source, address indexed target, (uint256,uint256,uint256)
 * quote)} of an oracle into an RT row; the tuple is read as bid, ask, time.
 */
final class RefreshDecoder extends EventDecoder {
    static final String TOPIC = topic("Refresh(address,address,(uint256,uint256,uint256))");

    private final RtSeries series;
    private final String source;
    private final String target;

    RefreshDecoder(RtSeries series, String sourceAddress, String targetAddress) {
        this.series = series;
        this.source = checksum(sourceAddress);
        this.target = checksum(targetAddress);
    }

    @Override
    List<@Nullable String> topics() {
        return Arrays.asList(TOPIC, addressTopic(source), addressTopic(target));
    }

    @Override
    SeriesRow decode(long chainId, ChainLog log) {
        List<String> topics = log.topics();
        if (topics.size() != 3
                || !topics.get(1).toLowerCase(Locale.ROOT).equals(addressTopic(source))
                || !topics.get(2).toLowerCase(Locale.ROOT).equals(addressTopic(target))) {
            throw new MalformedEventException(
                    "Refresh log at block "
                            + log.blockNumber()
                            + " index "
                            + log.logIndex()
                            + " is not of the pair "
                            + series.instanceId());
        }
        List<BigInteger> w = words(log, 3, "Refresh");
        RtRow row =
                new RtRow(
                        EventId.of(chainId, log.blockHash(), log.logIndex()),
                        series.source().name(),
                        source,
                        series.target().name(),
                        target,
                        w.get(0),
                        w.get(1),
                        w.get(2),
                        logJson(log));
        return SeriesRow.of(row);
    }
}
