package com.xpowerbanq.chain.registry;

import com.xpowerbanq.schema.ContractRegistry;
import java.util.List;

/**
 * The network a program works on, as its endpoints answer it: the chain id they all share, the
 * registry of that chain ({@code source} says which: "packaged mainnet", "packaged testnet" or
 * "CONTRACTS_FILE=/path") and the endpoints themselves.
 */
public record ChainNetwork(
        long chainId, ContractRegistry registry, String source, List<String> endpoints) {
    public ChainNetwork {
        endpoints = List.copyOf(endpoints);
    }
}
