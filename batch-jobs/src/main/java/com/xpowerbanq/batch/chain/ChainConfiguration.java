package com.xpowerbanq.batch.chain;

import com.xpowerbanq.chain.registry.RegistrySelector;
import com.xpowerbanq.chain.rpc.BlockBounds;
import com.xpowerbanq.chain.rpc.ChainClient;
import com.xpowerbanq.chain.rpc.Endpoints;
import com.xpowerbanq.chain.rpc.JsonRpcChainClient;
import com.xpowerbanq.chain.rpc.RetryPolicy;
import com.xpowerbanq.chain.rpc.RpcObserver;
import com.xpowerbanq.schema.ContractRegistry;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Primary;

/**
 * The chain client and the contract registry, built only when a job needs them (listing jobs needs
 * no endpoint).
 */
@Configuration(proxyBeanMethods = false)
public class ChainConfiguration {

    @Bean
    @Lazy
    ContractRegistry contractRegistry(ChainProperties chain) {
        return RegistrySelector.ofNetwork(chain.contractsFile(), chain.network());
    }

    /** The jobs' client; primary, as the probe below is a chain client too. */
    @Bean(destroyMethod = "close")
    @Lazy
    @Primary
    ChainClient chainClient(
            ChainProperties chain,
            ContractRegistry registry,
            ObjectProvider<RpcObserver> observer) {
        return connect(chain, registry, chain.retryPolicy(), observer);
    }

    /**
     * A client that asks each endpoint once, without waiting between rounds: for the health check
     * and the status page, which must answer quickly and say so when no endpoint answers.
     */
    @Bean(name = PROBE, destroyMethod = "close")
    @Lazy
    JsonRpcChainClient chainProbe(
            ChainProperties chain,
            ContractRegistry registry,
            ObjectProvider<RpcObserver> observer) {
        return connect(chain, registry, RetryPolicy.once(), observer);
    }

    private static JsonRpcChainClient connect(
            ChainProperties chain,
            ContractRegistry registry,
            RetryPolicy policy,
            ObjectProvider<RpcObserver> observer) {
        return JsonRpcChainClient.connect(
                endpoints(chain, registry),
                chain.callTimeout(),
                policy,
                observer.getIfAvailable(() -> RpcObserver.NONE));
    }

    /** The bean name of the probing client. */
    public static final String PROBE = "chainProbe";

    /** PROVIDER_URL's endpoints, else the registry's. */
    public static List<String> endpoints(ChainProperties chain, ContractRegistry registry) {
        List<String> urls = Endpoints.split(chain.providerUrl());
        return urls.isEmpty() ? Endpoints.split(registry.providerUrl()) : urls;
    }

    @Bean
    @Lazy
    BlockBounds blockBounds(ChainClient chain, ChainProperties properties) {
        return new BlockBounds(chain, properties.confirmations());
    }
}
