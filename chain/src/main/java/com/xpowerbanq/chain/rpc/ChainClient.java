package com.xpowerbanq.chain.rpc;

import java.util.List;
import java.util.OptionalLong;

/**
 * What the jobs need from a chain. Implementations retry transient failures and fail over between
 * endpoints; what they throw is final.
 */
public interface ChainClient extends AutoCloseable {

    long chainId();

    long latestBlock();

    /** The block the chain calls finalized, empty when the endpoint does not know the tag. */
    OptionalLong finalizedBlock();

    /** One eth_getLogs request; throws {@link RangeRefusedException} when the range is refused. */
    List<ChainLog> logs(LogQuery query);

    /** The contract code at an address and block ("0x" when there is none). */
    String code(String address, long block);

    /** An eth_call at the latest block; returns the raw result hex. */
    String call(String to, String data);

    @Override
    void close();
}
