package com.xpowerbanq.batch.index;

import com.xpowerbanq.batch.chain.ChainProperties;
import com.xpowerbanq.batch.launch.BanqProperties;
import com.xpowerbanq.batch.launch.JobNames;
import com.xpowerbanq.chain.rpc.BlockBounds;
import com.xpowerbanq.chain.rpc.ChainClient;
import com.xpowerbanq.schema.Catalogue;
import com.xpowerbanq.schema.ContractRegistry;
import com.xpowerbanq.schema.Kind;
import com.xpowerbanq.schema.Series;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The parts both index jobs share: registry, planner, the per-series reader and writer. */
@Configuration(proxyBeanMethods = false)
class IndexConfiguration {
    static final int CHUNK = 16;

    static Kind kindOf(String job) {
        return switch (job) {
            case JobNames.REINDEX_WATCH -> Kind.RI;
            case JobNames.RETWAP_WATCH -> Kind.RT;
            default -> throw new IllegalArgumentException("not an index job: " + job);
        };
    }

    @Bean
    @Lazy
    SeriesContracts seriesContracts(ContractRegistry registry, ChainProperties chain) {
        try {
            return new SeriesContracts(registry, chain.run());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "CONTRACT_RUN=" + chain.run() + ": " + e.getMessage(), e);
        }
    }

    @Bean
    @Lazy
    ScanPlanner scanPlanner(
            ChainClient chain, BlockBounds bounds, SeriesContracts contracts, BanqProperties banq) {
        return new ScanPlanner(chain, bounds, contracts, banq.stateDir());
    }

    @Bean
    @JobScope
    SeriesPartitioner seriesPartitioner(@Value("#{jobExecution}") JobExecution execution) {
        Kind kind = kindOf(execution.getJobInstance().getJobName());
        return new SeriesPartitioner(
                IndexJobParameters.of(kind, execution.getJobParameters()).series());
    }

    @Bean
    @StepScope
    BlockWindowLogReader blockWindowLogReader(
            @Value("#{stepExecution}") StepExecution step,
            ScanPlanner planner,
            SeriesContracts contracts,
            ChainClient chain,
            ScanProgress progress) {
        Series series = seriesOf(step);
        IndexJobParameters parameters =
                IndexJobParameters.of(series.kind(), step.getJobParameters());
        return new BlockWindowLogReader(series, parameters, planner, contracts, chain, progress);
    }

    @Bean
    @StepScope
    RawLogWriter rawLogWriter(
            @Value("#{stepExecution}") StepExecution step,
            BanqProperties banq,
            SeriesContracts contracts) {
        Series series = seriesOf(step);
        return new RawLogWriter(
                banq.stateDir().resolve(series.stateFile()), series.kind(), contracts.format());
    }

    @Bean
    TaskExecutor seriesTaskExecutor(IndexProperties index) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(index.workers());
        executor.setMaxPoolSize(index.workers());
        executor.setThreadNamePrefix("series-");
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.initialize();
        return executor;
    }

    private static Series seriesOf(StepExecution step) {
        return Catalogue.parse(step.getExecutionContext().getString(SeriesPartitioner.SERIES));
    }
}
