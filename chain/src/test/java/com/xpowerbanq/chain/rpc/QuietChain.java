package com.xpowerbanq.chain.rpc;

import java.util.List;
import java.util.OptionalLong;

/**
 * A fake chain for unit tests that answers every call as an empty chain does (chain id 1, block 0,
 * no finalized tag, no logs, no code); a test overrides only what it is about.
 */
public interface QuietChain extends ChainClient {
    @Override
    default long chainId() {
        return 1;
    }

    @Override
    default long latestBlock() {
        return 0;
    }

    @Override
    default OptionalLong finalizedBlock() {
        return OptionalLong.empty();
    }

    @Override
    default List<ChainLog> logs(LogQuery query) {
        return List.of();
    }

    @Override
    default String code(String address, long block) {
        return "0x";
    }

    @Override
    default String call(String to, String data) {
        return "0x";
    }

    @Override
    default void close() {}
}
