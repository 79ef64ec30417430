package com.xpowerbanq.batch.keeper;

import com.xpowerbanq.schema.ContractRegistry;
import java.util.Arrays;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Where keeper transactions go: the first endpoint of {@code PROVIDER_URL} (else of the registry's
 * {@code PROVIDER_URL}) — one endpoint, so that nonces and receipts are seen by the node that took
 * the transaction — with the contract run and the registry the index jobs use. View calls do not
 * use it: they go through the chain client over every endpoint.
 */
public record KeeperChainSettings(
        @Nullable String providerUrl, String contractRun, Supplier<ContractRegistry> registry) {

    String sendingEndpoint() {
        String urls = providerUrl;
        if (urls == null || urls.isBlank()) {
            urls = registry.get().providerUrl();
        }
        String first =
                Arrays.stream(urls.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .findFirst()
                        .orElse("");
        if (!first.startsWith("http://") && !first.startsWith("https://")) {
            throw new IllegalArgumentException(
                    "no JSON-RPC endpoint to send to: set PROVIDER_URL to http(s) URLs,"
                            + " comma-separated"
                            + (first.isEmpty() ? "" : " (got '" + first + "')"));
        }
        return first;
    }
}
