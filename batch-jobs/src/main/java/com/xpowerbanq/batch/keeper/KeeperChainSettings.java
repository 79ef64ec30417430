package com.xpowerbanq.batch.keeper;

import com.xpowerbanq.chain.rpc.Endpoints;
import com.xpowerbanq.chain.rpc.JsonRpcChainClient;
import com.xpowerbanq.chain.rpc.RetryPolicy;
import com.xpowerbanq.schema.ContractRegistry;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Where keeper transactions go: the first endpoint of {@code PROVIDER_URL} (else of the registry's
 * {@code PROVIDER_URL}) — one endpoint, so that nonces and receipts are seen by the node that took
 * the transaction — with the contract run and the registry the index jobs use. View calls do not
 * use it: they go through the chain client over every endpoint. Each call waits at most {@code
 * callTimeout} and is tried once: a submission repeated after a lost answer could send twice.
 */
public record KeeperChainSettings(
        @Nullable String providerUrl,
        String contractRun,
        Supplier<ContractRegistry> registry,
        Duration callTimeout) {
    /** A client of the sending endpoint. */
    JsonRpcChainClient connectSending() {
        return JsonRpcChainClient.connect(
                List.of(sendingEndpoint()), callTimeout, RetryPolicy.once());
    }

    String sendingEndpoint() {
        String urls = providerUrl;
        if (urls == null || urls.isBlank()) {
            urls = registry.get().providerUrl();
        }
        String first = Endpoints.split(urls).stream().findFirst().orElse("");
        if (!Endpoints.isHttp(first)) {
            throw new IllegalArgumentException(
                    "no JSON-RPC endpoint to send to: set PROVIDER_URL to http(s) URLs,"
                            + " comma-separated"
                            + (first.isEmpty() ? "" : " (got '" + first + "')"));
        }
        return first;
    }
}
