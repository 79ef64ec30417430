package com.xpowerbanq.batch.chain;

import com.xpowerbanq.schema.ContractRegistry;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/** The chain client, built only when a job needs it (listing jobs needs no endpoint). */
@Configuration(proxyBeanMethods = false)
class ChainConfiguration {

    @Bean(destroyMethod = "close")
    @Lazy
    ChainClient chainClient(
            ChainProperties configured, Environment environment, ContractRegistry registry) {
        ChainProperties properties = configured.withEnvironment(environment);
        List<String> urls = ChainProperties.endpoints(properties.providerUrl());
        if (urls.isEmpty()) {
            urls = ChainProperties.endpoints(registry.providerUrl());
        }
        return JsonRpcChainClient.connect(urls, properties.callTimeout(), properties.backoff());
    }

    @Bean
    @Lazy
    BlockBounds blockBounds(ChainClient chain, ChainProperties properties) {
        return new BlockBounds(chain, properties.confirmations());
    }
}
