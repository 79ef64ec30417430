package com.xpowerbanq.chain.rpc;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the logs of any block range, splitting it when the endpoint refuses a range as too large
 * or too many results, and growing the span again after a run of successes. One instance per
 * reader: it remembers the span that last worked.
 */
public final class AdaptiveLogFetcher {
    private static final Logger log = LoggerFactory.getLogger(AdaptiveLogFetcher.class);
    private static final int SUCCESSES_BEFORE_GROWING = 4;

    private final ChainClient chain;
    private long span;
    private int successes;

    public AdaptiveLogFetcher(ChainClient chain, long initialSpan) {
        this.chain = chain;
        this.span = Math.max(1, initialSpan);
    }

    public List<ChainLog> fetch(LogQuery query) {
        List<ChainLog> logs = new ArrayList<>();
        long cursor = query.fromBlock();
        while (cursor <= query.toBlock()) {
            long end = Math.min(query.toBlock(), cursor + span - 1);
            LogQuery part = query.withRange(cursor, end);
            try {
                logs.addAll(chain.logs(part));
            } catch (RangeRefusedException e) {
                if (part.blocks() == 1) {
                    throw e;
                }
                span = Math.max(1, part.blocks() / 2);
                successes = 0;
                log.debug("{}: splitting to {} blocks", e.getMessage(), span);
                continue;
            }
            cursor = end + 1;
            if (++successes >= SUCCESSES_BEFORE_GROWING && part.blocks() == span) {
                span = span > Long.MAX_VALUE / 2 ? span : span * 2;
                successes = 0;
            }
        }
        return logs;
    }

    /** The span the next request will try; for progress reports and tests. */
    public long span() {
        return span;
    }
}
