package com.xpowerbanq.batch.status;

import com.xpowerbanq.batch.chain.ChainConfiguration;
import com.xpowerbanq.batch.chain.ChainProperties;
import com.xpowerbanq.batch.launch.BanqProperties;
import com.xpowerbanq.batch.launch.ExecutionHosts;
import com.xpowerbanq.batch.schedule.FireLog;
import com.xpowerbanq.batch.schedule.ScheduleDaemon;
import com.xpowerbanq.batch.schedule.ScheduleProperties;
import com.xpowerbanq.chain.rpc.JsonRpcChainClient;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What {@code serve} shows of itself: the status snapshot behind the page and the gauges. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(ScheduleDaemon.SERVE)
class StatusConfiguration {

    @Bean
    StatusService statusService(
            JobRepository repository,
            BanqProperties banq,
            ScheduleProperties schedules,
            FireLog fireLog,
            ChainProperties chain,
            StatusProperties status,
            DataSource dataSource,
            @Qualifier(ChainConfiguration.PROBE) ObjectProvider<JsonRpcChainClient> probe) {
        StatusCollector collector =
                new StatusCollector(
                        repository,
                        banq.stateDir(),
                        schedules,
                        fireLog,
                        new ChainHead(probe::getObject),
                        chain.run(),
                        Clock.systemUTC(),
                        ExecutionHosts.namedIn(banq, dataSource));
        return new StatusService(collector, status.refresh(), Clock.systemUTC());
    }
}
