package com.xpowerbanq.batch.status;

import com.xpowerbanq.chain.rpc.JsonRpcChainClient;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Up while at least one endpoint of PROVIDER_URL answers {@code eth_blockNumber}, each asked once.
 * The endpoints are not named: their URLs may carry keys.
 */
final class ChainHealth implements HealthIndicator {
    private final Supplier<JsonRpcChainClient> chain;

    ChainHealth(Supplier<JsonRpcChainClient> chain) {
        this.chain = chain;
    }

    @Override
    public Health health() {
        try {
            return Health.up().withDetail("latestBlock", chain.get().latestBlock()).build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("chain", "no endpoint answers").build();
        }
    }
}
