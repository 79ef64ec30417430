package com.xpowerbanq.batch.metrics;

import com.xpowerbanq.chain.rpc.JsonRpcChainClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.core.DefaultBlockParameterName;

/**
 * The keeper account's balance in wei for {@code banq_keeper_balance_wei}, asked of the chain at
 * most once per refresh interval; NaN while the chain does not answer.
 */
final class KeeperBalance {
    private static final Logger log = LoggerFactory.getLogger(KeeperBalance.class);

    private final Supplier<JsonRpcChainClient> chain;
    private final String address;
    private final Duration refresh;
    private final Clock clock;
    private Instant asked = Instant.MIN;
    private double wei = Double.NaN;

    KeeperBalance(
            Supplier<JsonRpcChainClient> chain, String address, Duration refresh, Clock clock) {
        this.chain = chain;
        this.address = address;
        this.refresh = refresh;
        this.clock = clock;
    }

    synchronized double wei() {
        Instant now = clock.instant();
        if (asked.plus(refresh).isBefore(now)) {
            asked = now;
            try {
                wei =
                        chain.get()
                                .request(
                                        "eth_getBalance",
                                        w ->
                                                w.ethGetBalance(
                                                        address, DefaultBlockParameterName.LATEST))
                                .getBalance()
                                .doubleValue();
            } catch (RuntimeException e) {
                log.debug("keeper balance unknown: {}", e.getMessage());
                wei = Double.NaN;
            }
        }
        return wei;
    }
}
