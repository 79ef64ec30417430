package com.xpowerbanq.batch.keeper;

import com.xpowerbanq.batch.chain.ChainProperties;
import com.xpowerbanq.batch.schedule.ScheduleDaemon;
import com.xpowerbanq.chain.rpc.ChainClient;
import com.xpowerbanq.chain.tx.NonceBook;
import com.xpowerbanq.schema.ContractRegistry;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.event.Level;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/** What both keeper jobs share: settings, chain sessions and the bounded partition workers. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KeeperProperties.class)
class KeeperConfiguration {

    @Bean
    KeeperChainSettings keeperChainSettings(
            ChainProperties chain, ObjectProvider<ContractRegistry> contractRegistry) {
        return new KeeperChainSettings(
                chain.providerUrl(), chain.run(), contractRegistry::getObject, chain.callTimeout());
    }

    /** The nonces of every signing account, one book for the whole process. */
    @Bean
    NonceBook nonceBook() {
        return new NonceBook();
    }

    @Bean
    KeeperSessions keeperSessions(
            KeeperChainSettings chain,
            KeeperProperties properties,
            NonceBook nonceBook,
            ObjectProvider<ChainClient> chainClient,
            @Value("${" + ScheduleDaemon.SERVE + ":false}") boolean serving) {
        // the signing key and fee settings come from the process environment only, never from
        // command-line properties
        return new KeeperSessions(
                        chain,
                        properties,
                        Map.copyOf(System.getenv()),
                        nonceBook,
                        chainClient::getObject)
                .loggingRunsAt(perRun(serving));
    }

    /** The partition workers of one keeper job: at most {@code banq.keeper.workers} at once. */
    static SimpleAsyncTaskExecutor workers(String job, KeeperProperties properties) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor(job + "-");
        executor.setConcurrencyLimit(properties.workers());
        return executor;
    }

    /** The keepers' transactions in flight, in the job repository. */
    @Bean
    FlightStore flightStore(DataSource dataSource) {
        return new FlightStore(dataSource);
    }

    @Bean
    KeeperTasklet keeperTasklet(
            KeeperSessions sessions,
            FlightStore flights,
            ObjectProvider<KeeperOutcomes> outcomes,
            @Value("${" + ScheduleDaemon.SERVE + ":false}") boolean serving) {
        return new KeeperTasklet(
                sessions,
                flights,
                outcomes.getIfAvailable(() -> KeeperOutcomes.NONE),
                perRun(serving));
    }

    /**
     * The level of the keepers' per-series and per-job lines: INFO for {@code run}, DEBUG in {@code
     * serve}, which logs one line per run and keeps the numbers in its metrics.
     */
    private static Level perRun(boolean serving) {
        return serving ? Level.DEBUG : Level.INFO;
    }
}
