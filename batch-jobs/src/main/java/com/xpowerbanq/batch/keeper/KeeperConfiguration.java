package com.xpowerbanq.batch.keeper;

import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/** What both keeper jobs share: settings, chain sessions and the bounded partition workers. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KeeperProperties.class)
class KeeperConfiguration {

    @Bean
    KeeperChainSettings keeperChainSettings(Environment environment) {
        return new KeeperChainSettings(
                setting(environment, "banq.chain.provider-url", "PROVIDER_URL", null),
                setting(environment, "banq.chain.contract-run", "CONTRACT_RUN", "v10a"),
                setting(environment, "banq.chain.contracts-file", "CONTRACTS_FILE", null));
    }

    private static String setting(
            Environment environment, String property, String variable, String fallback) {
        String value = environment.getProperty(property);
        if (value == null || value.isBlank()) {
            value = environment.getProperty(variable);
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    @Bean
    KeeperSessions keeperSessions(KeeperChainSettings chain, KeeperProperties properties) {
        // the signing key and fee settings come from the process environment only, never from
        // command-line properties
        return new KeeperSessions(chain, properties, Map.copyOf(System.getenv()));
    }

    /** The partition workers of one keeper job: at most {@code banq.keeper.workers} at once. */
    static SimpleAsyncTaskExecutor workers(String job, KeeperProperties properties) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor(job + "-");
        executor.setConcurrencyLimit(properties.workers());
        return executor;
    }

    @Bean
    KeeperTasklet keeperTasklet(KeeperSessions sessions) {
        return new KeeperTasklet(sessions);
    }
}
