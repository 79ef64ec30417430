package com.xpowerbanq.chain.registry;

import com.xpowerbanq.chain.rpc.Endpoints;
import com.xpowerbanq.schema.ContractRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which contract registry a program uses: the file named by {@code CONTRACTS_FILE} when set (the
 * devnet writes one), else the packaged registry of the network, known by name or by chain id
 * (43114 mainnet, 43113 testnet); and the endpoints to use when {@code PROVIDER_URL} is unset.
 */
public final class RegistrySelector {
    /** The network whose registry and endpoints apply when nothing else is set. */
    public static final String DEFAULT_NETWORK = "mainnet";

    private RegistrySelector() {}

    /** The registry of {@code contractsFile} when set, else the packaged one of {@code network}. */
    public static ContractRegistry ofNetwork(@Nullable String contractsFile, String network) {
        if (contractsFile != null && !contractsFile.isBlank()) {
            return load(contractsFile);
        }
        return ContractRegistry.packaged(network);
    }

    /** The registry of {@code contractsFile} when set, else the packaged one of the chain id. */
    public static ContractRegistry ofChain(@Nullable String contractsFile, long chainId) {
        return ContractRegistry.select(contractsFile, chainId);
    }

    /** The endpoints of {@code providerUrl}, else those the default network's registry lists. */
    public static List<String> endpoints(@Nullable String providerUrl) {
        List<String> urls = Endpoints.split(providerUrl);
        return urls.isEmpty()
                ? Endpoints.split(ContractRegistry.packaged(DEFAULT_NETWORK).providerUrl())
                : urls;
    }

    private static ContractRegistry load(String contractsFile) {
        Path path = Path.of(contractsFile.strip());
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException(
                    ContractRegistry.CONTRACTS_FILE
                            + "="
                            + contractsFile
                            + " is not a readable file");
        }
        return ContractRegistry.load(path);
    }
}
