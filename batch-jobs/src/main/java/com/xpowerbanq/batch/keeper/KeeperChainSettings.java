package com.xpowerbanq.batch.keeper;

import com.xpowerbanq.schema.ContractRegistry;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Where keeper transactions go: the first endpoint of {@code PROVIDER_URL} (one endpoint, so that
 * nonces and receipts are seen by the node that took the transaction), the contract run and the
 * registry ({@code CONTRACTS_FILE}, else the one packaged for the chain id).
 */
public record KeeperChainSettings(
        @Nullable String providerUrl, String contractRun, @Nullable String contractsFile) {

    String sendingEndpoint() {
        String first =
                providerUrl == null
                        ? ""
                        : Arrays.stream(providerUrl.split(","))
                                .map(String::strip)
                                .filter(s -> !s.isEmpty())
                                .findFirst()
                                .orElse("");
        if (!first.startsWith("http://") && !first.startsWith("https://")) {
            throw new IllegalArgumentException(
                    "no JSON-RPC endpoint to send to: set PROVIDER_URL to http(s) URLs, comma-separated"
                            + (first.isEmpty() ? "" : " (got '" + first + "')"));
        }
        return first;
    }

    ContractRegistry registry(long chainId) {
        return ContractRegistry.select(contractsFile, chainId);
    }
}
