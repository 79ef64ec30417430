package com.xpowerbanq.batch.index;

import com.xpowerbanq.chain.rpc.ChainLog;
import com.xpowerbanq.schema.RiSeries;
import com.xpowerbanq.schema.row.RiRow;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * v10a {@code Reindex(uint256 index_ray, uint256 util_wad, uint256 timestamp)} of a position into
 * an RI row: id, filter, index_ray, index_log, util_wad, stamp, symbol, token, mode, log.
 */
final class ReindexDecoder extends EventDecoder {
    static final String TOPIC = topic("Reindex(uint256,uint256,uint256)");

    private final RiSeries series;
    private final String token;

    ReindexDecoder(RiSeries series, String tokenAddress) {
        this.series = series;
        this.token = checksum(tokenAddress);
    }

    @Override
    List<@Nullable String> topics() {
        return Arrays.asList(TOPIC);
    }

    @Override
    SeriesRow decode(long chainId, ChainLog log) {
        List<BigInteger> w = words(log, 3, "Reindex");
        BigInteger indexRay = w.get(0);
        RiRow row =
                new RiRow(
                        EventId.of(chainId, log.blockHash(), log.logIndex()),
                        indexRay,
                        indexLog(indexRay),
                        w.get(1),
                        w.get(2),
                        series.token().name(),
                        token,
                        series.mode().label(),
                        logJson(log));
        return SeriesRow.of(row);
    }

    /**
     * What the original CLI stored as {@code index_log} for v10a: {@code round(ln(index_ray / 1e27)
     * * 1e18)} in double precision (JavaScript's Number and Math.round), 0 for a zero index.
     */
    static BigInteger indexLog(BigInteger indexRay) {
        if (indexRay.signum() == 0) {
            return BigInteger.ZERO;
        }
        double scaled = Math.log(indexRay.doubleValue() / 1e27) * 1e18;
        double rounded = Math.floor(scaled + 0.5);
        return new BigDecimal(rounded).toBigInteger();
    }
}
