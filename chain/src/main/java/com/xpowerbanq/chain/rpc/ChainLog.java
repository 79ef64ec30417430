package com.xpowerbanq.chain.rpc;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.web3j.protocol.core.methods.response.Log;

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

    /**
     * The log of an {@code eth_getLogs} answer to {@code query}; throws when a field is missing or
     * the block lies outside the asked range.
     */
    static ChainLog of(Log raw, LogQuery query) {
        require(raw.getBlockHash(), "blockHash");
        require(raw.getTransactionHash(), "transactionHash");
        require(raw.getAddress(), "address");
        require(raw.getData(), "data");
        require(raw.getTopics(), "topics");
        long block = raw.getBlockNumber().longValueExact();
        if (block < query.fromBlock() || block > query.toBlock()) {
            throw new IllegalArgumentException(
                    "log of block " + block + " outside the asked range");
        }
        return new ChainLog(
                raw.getAddress(),
                raw.getBlockHash(),
                block,
                raw.getData(),
                raw.getLogIndex().intValueExact(),
                raw.isRemoved(),
                raw.getTopics(),
                raw.getTransactionHash(),
                raw.getTransactionIndex().intValueExact());
    }

    private static void require(@Nullable Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("log without " + field);
        }
    }
}
