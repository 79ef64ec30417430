package com.xpowerbanq.batch.index;

import com.xpowerbanq.chain.rpc.ChainLog;
import com.xpowerbanq.chain.rpc.LogQuery;
import com.xpowerbanq.chain.rpc.QuietChain;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * A fake chain for the reader and writer unit tests: block {@code b} holds {@code b % 3} Refresh
 * logs of whatever pair a query filters for, the head block is both latest and finalized, and every
 * eth_getLogs range asked is noted, so a test sees what a restarted reader fetched again.
 */
final class RefreshChain implements QuietChain {
    private final long head;
    private final List<LogQuery> asked = new ArrayList<>();

    RefreshChain(long head) {
        this.head = head;
    }

    @Override
    public long latestBlock() {
        return head;
    }

    @Override
    public OptionalLong finalizedBlock() {
        return OptionalLong.of(head);
    }

    @Override
    public List<ChainLog> logs(LogQuery query) {
        asked.add(query);
        List<String> topics = query.topics().stream().map(String::valueOf).toList();
        List<ChainLog> logs = new ArrayList<>();
        for (long block = query.fromBlock(); block <= query.toBlock(); block++) {
            for (int index = 0; index < block % 3; index++) {
                String hash = String.format(Locale.ROOT, "0x%060x%04x", block, index);
                logs.add(
                        new ChainLog(
                                query.address(),
                                String.format(Locale.ROOT, "0x%064x", block),
                                block,
                                quote(block, index),
                                index,
                                false,
                                topics,
                                hash,
                                index));
            }
        }
        return logs;
    }

    /** The eth_getLogs ranges asked so far, as "from..to". */
    List<String> askedRanges() {
        return asked.stream().map(q -> q.fromBlock() + ".." + q.toBlock()).toList();
    }

    /** Bid, ask and time words of the quote at a block, one minute per block. */
    private static String quote(long block, int index) {
        BigInteger bid = BigInteger.TEN.pow(18).add(BigInteger.valueOf(block * 1000 + index));
        BigInteger ask = bid.add(BigInteger.TEN.pow(15));
        BigInteger time = BigInteger.valueOf(1_700_000_000L + 60 * block);
        return "0x" + word(bid) + word(ask) + word(time);
    }

    private static String word(BigInteger value) {
        return String.format(Locale.ROOT, "%064x", value);
    }
}
