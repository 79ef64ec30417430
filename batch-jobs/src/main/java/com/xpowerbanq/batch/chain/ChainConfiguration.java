package com.xpowerbanq.batch.chain;

import com.xpowerbanq.chain.registry.ChainNetwork;
import com.xpowerbanq.chain.registry.RegistrySelector;
import com.xpowerbanq.chain.rpc.BlockBounds;
import com.xpowerbanq.chain.rpc.ChainClient;
import com.xpowerbanq.chain.rpc.JsonRpcChainClient;
import com.xpowerbanq.schema.ContractRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The network, the chain client and the contract registry, built only when a job needs them
 * (listing jobs needs no endpoint). The network is the one the endpoints answer for: the registry
 * follows their chain id, never a setting.
 */
@Configuration(proxyBeanMethods = false)
class ChainConfiguration {
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

    /** A client of the endpoints that answered the network's chain id, and of no other. */
    @Bean(destroyMethod = "close")
    @Lazy
    ChainClient chainClient(ChainProperties chain, ChainNetwork network) {
        return JsonRpcChainClient.connect(
                network.endpoints(), chain.callTimeout(), chain.retryPolicy());
    }

    @Bean
    @Lazy
    BlockBounds blockBounds(ChainClient chain, ChainProperties properties) {
        return new BlockBounds(chain, properties.confirmations());
    }
}
