package com.xpowerbanq.chain.registry;

import com.xpowerbanq.chain.rpc.ChainUnavailableException;
import com.xpowerbanq.chain.rpc.JsonRpcChainClient;
import com.xpowerbanq.chain.rpc.RetryPolicy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks every endpoint, each on its own, for its chain id: a failover client would ask only the
 * first that answers, and so could never see two endpoints that serve different chains.
 */
public final class EndpointChainIds {
    private static final Logger log = LoggerFactory.getLogger(EndpointChainIds.class);

    private EndpointChainIds() {}

    /**
     * The chain id of each endpoint that answers, in the order given. An endpoint that does not
     * answer is left out with a warning (failover covers it); when none answers, the first one's
     * failure is thrown.
     */
    public static Map<String, Long> ask(List<String> urls, Duration timeout, RetryPolicy retry) {
        Map<String, Long> ids = new LinkedHashMap<>();
        ChainUnavailableException first = null;
        for (String url : urls) {
            try (JsonRpcChainClient client =
                    JsonRpcChainClient.connect(List.of(url), timeout, retry)) {
                ids.put(url, client.chainId());
            } catch (ChainUnavailableException e) {
                log.warn("endpoint {} did not answer eth_chainId: {}", url, e.getMessage());
                if (first == null) {
                    first = e;
                }
            }
        }
        if (ids.isEmpty() && first != null) {
            throw first;
        }
        return ids;
    }
}
