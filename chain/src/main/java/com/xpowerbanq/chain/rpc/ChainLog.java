package com.xpowerbanq.chain.rpc;

import java.util.List;

/**
 * One event log as the chain returned it: hex strings as received (addresses lowercase or mixed),
 * numbers decoded.
 */
public record ChainLog(
        String address,
        String blockHash,
        long blockNumber,
        String data,
        int logIndex,
        boolean removed,
        List<String> topics,
        String transactionHash,
        int transactionIndex) {

    public ChainLog {
        topics = List.copyOf(topics);
    }
}
