package com.xpowerbanq.batch.chain;

import com.xpowerbanq.chain.registry.ChainNetwork;
import com.xpowerbanq.chain.registry.RegistrySelector;
import com.xpowerbanq.chain.rpc.BlockBounds;
import com.xpowerbanq.chain.rpc.ChainClient;
import com.xpowerbanq.chain.rpc.JsonRpcChainClient;
import com.xpowerbanq.chain.rpc.RetryPolicy;
import com.xpowerbanq.chain.rpc.RpcObserver;
import com.xpowerbanq.schema.ContractRegistry;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Primary;

/**
 * The network, the chain client and the contract registry, built only when a job needs them
 * (listing jobs needs no endpoint). The network is the one the endpoints answer for: the registry
 * follows their chain id, never a setting.
 */
@Configuration(proxyBeanMethods = false)
public class ChainConfiguration {
    private static final Logger log = LoggerFactory.getLogger(ChainConfiguration.class);

    @Bean
    @Lazy
    ChainNetwork chainNetwork(ChainProperties chain) {
        ChainNetwork network =
                RegistrySelector.identify(
                        RegistrySelector.endpoints(chain.providerUrl(), chain.contractsFile()),
                        chain.contractsFile(),
                        chain.run(),
                        chain.callTimeout(),
                        chain.retryPolicy());
        // debug: it comes before any job, outside the job's log context
        log.debug(
                "chain id {}: registry {}, contract run {}, endpoints {}",
                network.chainId(),
                network.source(),
                chain.run(),
                network.endpoints().size());
        return network;
    }

    @Bean
    @Lazy
    ContractRegistry contractRegistry(ChainNetwork network) {
        return network.registry();
    }

    /**
     * The jobs' client, of the endpoints that answered the network's chain id and of no other;
     * primary, as the probe below is a chain client too.
     */
    @Bean(destroyMethod = "close")
    @Lazy
    @Primary
    ChainClient chainClient(
            ChainProperties chain, ChainNetwork network, ObjectProvider<RpcObserver> observer) {
        return JsonRpcChainClient.connect(
                network.endpoints(),
                chain.callTimeout(),
                chain.retryPolicy(),
                observer.getIfAvailable(() -> RpcObserver.NONE));
    }

    /**
     * A client that asks each configured endpoint once, without waiting between rounds: for the
     * health check and the status page, which must answer quickly and say so when no endpoint
     * answers. It reads heads and balances only, so it needs no network check (the jobs do).
     */
    @Bean(name = PROBE, destroyMethod = "close")
    @Lazy
    JsonRpcChainClient chainProbe(ChainProperties chain, ObjectProvider<RpcObserver> observer) {
        return JsonRpcChainClient.connect(
                endpoints(chain),
                chain.callTimeout(),
                RetryPolicy.once(),
                observer.getIfAvailable(() -> RpcObserver.NONE));
    }

    /** The bean name of the probing client. */
    public static final String PROBE = "chainProbe";

    /** PROVIDER_URL's endpoints, else those of CONTRACTS_FILE, else the mainnet registry's. */
    public static List<String> endpoints(ChainProperties chain) {
        return RegistrySelector.endpoints(chain.providerUrl(), chain.contractsFile());
    }

    @Bean
    @Lazy
    BlockBounds blockBounds(ChainClient chain, ChainProperties properties) {
        return new BlockBounds(chain, properties.confirmations());
    }
}
