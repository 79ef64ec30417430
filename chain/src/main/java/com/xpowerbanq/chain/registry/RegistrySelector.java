package com.xpowerbanq.chain.registry;

import com.xpowerbanq.chain.rpc.Endpoints;
import com.xpowerbanq.chain.rpc.RetryPolicy;
import com.xpowerbanq.schema.ContractRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Which contract registry a program uses: the one of the chain its endpoints answer for. Chain id
 * 43114 is mainnet and 43113 testnet, whose registries are packaged; any other chain (the devnet's
 * 31337) needs the file {@code CONTRACTS_FILE} names. No setting picks a network: a registry file
 * on a packaged chain, endpoints of two chains or a registry without the contract run stop the
 * program before it reads or writes anything.
 */
public final class RegistrySelector {
    /**
     * The network whose endpoints apply when neither PROVIDER_URL nor a registry file names one.
     */
    public static final String DEFAULT_NETWORK = "mainnet";

    private RegistrySelector() {}

    /**
     * The network of the endpoints: each asked for its chain id, then {@link #select}.
     *
     * @throws NetworkMismatchException when the endpoints, the registry and the run disagree
     */
    public static ChainNetwork identify(
            List<String> urls,
            @Nullable String contractsFile,
            String run,
            Duration timeout,
            RetryPolicy retry) {
        return select(contractsFile, run, EndpointChainIds.ask(urls, timeout, retry));
    }

    /**
     * The registry of the one chain id every endpoint answered ({@code chainIds}: endpoint → chain
     * id, at least one entry), checked to name {@code run}.
     *
     * @throws NetworkMismatchException naming both sides of any disagreement
     */
    public static ChainNetwork select(
            @Nullable String contractsFile, String run, Map<String, Long> chainIds) {
        if (chainIds.isEmpty()) {
            throw new IllegalArgumentException("no endpoint answered its chain id");
        }
        Set<Long> ids = new LinkedHashSet<>(chainIds.values());
        if (ids.size() > 1) {
            throw new NetworkMismatchException(
                    "the endpoints serve different chains: "
                            + chainIds.entrySet().stream()
                                    .map(e -> e.getKey() + " answers chain id " + e.getValue())
                                    .collect(Collectors.joining(", "))
                            + "; PROVIDER_URL must list endpoints of one chain");
        }
        long chainId = ids.iterator().next();
        String file = contractsFile == null || contractsFile.isBlank() ? null : contractsFile;
        Optional<String> packaged = ContractRegistry.networkOf(chainId);
        ContractRegistry registry;
        String source;
        if (packaged.isPresent()) {
            if (file != null) {
                throw new NetworkMismatchException(
                        ContractRegistry.CONTRACTS_FILE
                                + "="
                                + file
                                + " is set, but the endpoints answer chain id "
                                + chainId
                                + " ("
                                + packaged.get()
                                + "), whose registry is packaged: unset "
                                + ContractRegistry.CONTRACTS_FILE
                                + " (it is for other chains, such as a devnet)");
            }
            registry = ContractRegistry.packaged(packaged.get());
            source = "packaged " + packaged.get();
        } else if (file != null) {
            registry = load(file);
            source = ContractRegistry.CONTRACTS_FILE + "=" + file;
        } else {
            throw new NetworkMismatchException(
                    "the endpoints answer chain id "
                            + chainId
                            + ", which has no packaged registry (43114 mainnet, 43113 testnet):"
                            + " set "
                            + ContractRegistry.CONTRACTS_FILE
                            + " to the registry of that chain");
        }
        if (!registry.runs().contains(run)) {
            throw new NetworkMismatchException(
                    "CONTRACT_RUN="
                            + run
                            + " is not in the registry "
                            + source
                            + " of chain id "
                            + chainId
                            + ", which names runs "
                            + String.join(", ", registry.runs()));
        }
        return new ChainNetwork(chainId, registry, source, List.copyOf(chainIds.keySet()));
    }

    /**
     * The endpoints to ask: those of {@code providerUrl}, else those the registry file lists, else
     * those of the default network's packaged registry.
     */
    public static List<String> endpoints(@Nullable String providerUrl, @Nullable String file) {
        List<String> urls = Endpoints.split(providerUrl);
        if (urls.isEmpty() && file != null && !file.isBlank()) {
            urls = Endpoints.split(load(file).providerUrl());
        }
        return urls.isEmpty()
                ? Endpoints.split(ContractRegistry.packaged(DEFAULT_NETWORK).providerUrl())
                : urls;
    }

    /** The endpoints of {@code providerUrl}, else those the default network's registry lists. */
    public static List<String> endpoints(@Nullable String providerUrl) {
        return endpoints(providerUrl, null);
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
