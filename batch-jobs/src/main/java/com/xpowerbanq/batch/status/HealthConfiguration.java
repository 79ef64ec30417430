package com.xpowerbanq.batch.status;

import com.xpowerbanq.batch.chain.ChainConfiguration;
import com.xpowerbanq.chain.rpc.JsonRpcChainClient;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The health of the job repository and the chain, which the readiness group of {@code serve}
 * includes. In every context, so that Spring Boot's check of the group's members holds everywhere;
 * only {@code serve} has a web server that asks them.
 */
@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

    @Bean
    JobRepositoryHealth jobRepositoryHealthIndicator(DataSource dataSource) {
        return new JobRepositoryHealth(dataSource);
    }

    @Bean
    ChainHealth chainHealthIndicator(
            @Qualifier(ChainConfiguration.PROBE) ObjectProvider<JsonRpcChainClient> probe) {
        return new ChainHealth(probe::getObject);
    }
}
