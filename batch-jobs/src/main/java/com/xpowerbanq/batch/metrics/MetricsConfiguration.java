package com.xpowerbanq.batch.metrics;

import com.xpowerbanq.batch.chain.ChainConfiguration;
import com.xpowerbanq.batch.chain.ChainProperties;
import com.xpowerbanq.batch.keeper.KeeperOutcomes;
import com.xpowerbanq.batch.keeper.KeeperSessions;
import com.xpowerbanq.batch.schedule.ScheduleDaemon;
import com.xpowerbanq.batch.schedule.ScheduleProperties;
import com.xpowerbanq.batch.status.StatusProperties;
import com.xpowerbanq.batch.status.StatusService;
import com.xpowerbanq.chain.rpc.JsonRpcChainClient;
import com.xpowerbanq.chain.rpc.RpcObserver;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The daemon's own metrics, beside Spring Batch's: chain requests, keeper outcomes and balance,
 * series progress and schedules. Only {@code serve} has them; Spring Boot's Prometheus endpoint
 * serves them on the management port.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(ScheduleDaemon.SERVE)
class MetricsConfiguration {
    private static final Logger log = LoggerFactory.getLogger(MetricsConfiguration.class);

    @Bean
    RpcObserver rpcMetrics(MeterRegistry registry) {
        return new RpcMetrics(registry);
    }

    @Bean
    KeeperOutcomes keeperMetrics(
            MeterRegistry registry,
            ChainProperties chain,
            @Qualifier(ChainConfiguration.PROBE) ObjectProvider<JsonRpcChainClient> probe) {
        return new KeeperMetrics(registry, chain.run(), probe::getObject);
    }

    @Bean
    MeterBinder seriesMetrics(
            StatusService status, ChainProperties chain, ScheduleProperties schedules) {
        return new SeriesMetrics(status, chain.run(), List.copyOf(schedules.byJob().keySet()));
    }

    /** The balance of the account the keepers send from, when a key is configured. */
    @Bean
    MeterBinder keeperBalance(
            KeeperSessions sessions,
            ChainProperties chain,
            StatusProperties status,
            @Qualifier(ChainConfiguration.PROBE) ObjectProvider<JsonRpcChainClient> probe) {
        return registry -> {
            String address;
            try {
                address = sessions.keeperAddress().orElse(null);
            } catch (RuntimeException e) {
                log.warn("no keeper balance metric: {}", e.getMessage());
                return;
            }
            if (address == null) {
                return;
            }
            KeeperBalance balance =
                    new KeeperBalance(
                            probe::getObject, address, status.refresh(), Clock.systemUTC());
            Gauge.builder("banq.keeper.balance.wei", balance, KeeperBalance::wei)
                    .description("balance of the keeper account in wei")
                    .tag("run", chain.run())
                    .strongReference(true)
                    .register(registry);
        };
    }
}
