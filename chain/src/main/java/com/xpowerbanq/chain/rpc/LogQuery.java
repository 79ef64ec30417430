package com.xpowerbanq.chain.rpc;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An eth_getLogs filter: one contract, topics by position (null = any), an inclusive block range.
 */
public record LogQuery(
        String address, List<@Nullable String> topics, long fromBlock, long toBlock) {

    public LogQuery {
        if (fromBlock < 0 || toBlock < fromBlock) {
            throw new IllegalArgumentException(
                    "bad block range " + fromBlock + ".." + toBlock + " for " + address);
        }
        topics = java.util.Collections.unmodifiableList(new ArrayList<>(topics));
    }

    public LogQuery withRange(long from, long to) {
        return new LogQuery(address, topics, from, to);
    }

    public long blocks() {
        return toBlock - fromBlock + 1;
    }

    public String describe() {
        return "eth_getLogs(" + address + ", blocks " + fromBlock + ".." + toBlock + ")";
    }
}
