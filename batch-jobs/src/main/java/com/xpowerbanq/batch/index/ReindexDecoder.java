package com.xpowerbanq.batch.index;

import com.xpowerbanq.chain.rpc.ChainLog;
import com.xpowerbanq.schema.ContractRun;
import com.xpowerbanq.schema.RiSeries;
import com.xpowerbanq.schema.row.RiRow;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code Reindex(uint256, uint256 util_wad, uint256 timestamp)} of a position into an RI row: id,
 * filter, index_ray, index_log, util_wad, stamp, symbol, token, mode, log. In v10a the first word
 * is {@code index_ray} and {@code index_log} is derived from it as the original CLI did; in
 * v10b/v10c it is {@code index_log}, stored as it is, and the row has no {@code index_ray}.
 */
final class ReindexDecoder extends EventDecoder {
    static final String TOPIC = ContractRun.REINDEX_TOPIC;
    private static final BigInteger RAY = BigInteger.TEN.pow(27);

    private final RiSeries series;
    private final String token;
    private final ContractRun run;

    ReindexDecoder(RiSeries series, String tokenAddress, ContractRun run) {
        this.series = series;
        this.token = checksum(tokenAddress);
        this.run = run;
    }

    @Override
    List<@Nullable String> topics() {
        return Arrays.asList(TOPIC);
    }

    @Override
    SeriesRow decode(long chainId, ChainLog log) {
        List<BigInteger> w = words(log, 3, "Reindex", run);
        BigInteger first = w.get(0);
        BigInteger indexRay = run.packed() ? null : first;
        BigInteger indexLog = first;
        if (indexRay != null) {
            if (indexRay.signum() != 0 && indexRay.compareTo(RAY) < 0) {
                // a v10a index starts at one ray and only grows: a smaller word is another
                // run's index_log, never an index_ray
                throw undecodable(log, "Reindex", run, "index_ray " + indexRay + " is below 1e27");
            }
            indexLog = indexLog(indexRay);
        }
        RiRow row =
                new RiRow(
                        EventId.of(chainId, log.blockHash(), log.logIndex()),
                        indexRay,
                        indexLog,
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
