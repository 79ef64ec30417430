package com.xpowerbanq.batch.chain;

import com.xpowerbanq.chain.registry.RegistrySelector;
import com.xpowerbanq.chain.rpc.BlockBounds;
import com.xpowerbanq.chain.rpc.ChainClient;
import com.xpowerbanq.chain.rpc.Endpoints;
import com.xpowerbanq.chain.rpc.JsonRpcChainClient;
import com.xpowerbanq.schema.ContractRegistry;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The chain client and the contract registry, built only when a job needs them (listing jobs needs
 * no endpoint).
 */
@Configuration(proxyBeanMethods = false)
class ChainConfiguration {

    @Bean
    @Lazy
    ContractRegistry contractRegistry(ChainProperties chain) {
        return RegistrySelector.ofNetwork(chain.contractsFile(), chain.network());
    }

    @Bean(destroyMethod = "close")
    @Lazy
    ChainClient chainClient(ChainProperties chain, ContractRegistry registry) {
        List<String> urls = Endpoints.split(chain.providerUrl());
        if (urls.isEmpty()) {
            urls = Endpoints.split(registry.providerUrl());
        }
        return JsonRpcChainClient.connect(urls, chain.callTimeout(), chain.retryPolicy());
    }

    @Bean
    @Lazy
    BlockBounds blockBounds(ChainClient chain, ChainProperties properties) {
        return new BlockBounds(chain, properties.confirmations());
    }
}
