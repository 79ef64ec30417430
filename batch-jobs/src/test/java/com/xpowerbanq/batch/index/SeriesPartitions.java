package com.xpowerbanq.batch.index;

import com.xpowerbanq.batch.launch.StringParameters;
import com.xpowerbanq.chain.rpc.BlockBounds;
import com.xpowerbanq.chain.rpc.ChainClient;
import com.xpowerbanq.schema.Catalogue;
import com.xpowerbanq.schema.ContractRegistry;
import com.xpowerbanq.schema.Series;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.MetaDataInstanceFactory;

/**
 * The parts of one index partition as its step gets them, for unit tests without a devnet: a
 * registry where oracle T000 is deployed and T002 is the zero address, the step execution of a
 * series with its partition context, and the reader built as the step-scoped bean builds it.
 */
final class SeriesPartitions {
    static final String RUN = "v10a";
    static final Series PAIR = Catalogue.parse("XPOW_APOW:T000");
    static final Series UNDEPLOYED = Catalogue.parse("USDC_APOW:T002");

    /** The address of oracle T000, the contract {@link #PAIR}'s events come from. */
    static final String ORACLE = "0x" + "a0".repeat(20);

    private static final ContractRegistry REGISTRY =
            ContractRegistry.builder()
                    .address("T000", RUN, ORACLE)
                    .address("T002", RUN, "0x" + "0".repeat(40))
                    .address("XPOW", RUN, "0x" + "b1".repeat(20))
                    .address("APOW", RUN, "0x" + "c2".repeat(20))
                    .address("USDC", RUN, "0x" + "d3".repeat(20))
                    .build();

    private SeriesPartitions() {}

    /** Blocks 0 up to the finalized head, in windows of ten blocks. */
    static JobParameters windowsOfTen() {
        return StringParameters.of(IndexJobParameters.FROM, "0", IndexJobParameters.WINDOW, "10");
    }

    /** The first step execution of a series' partition, its context as the partitioner made it. */
    static StepExecution firstRun(Series series, JobParameters parameters) {
        ExecutionContext partition = new ExecutionContext();
        partition.putString(SeriesPartitioner.SERIES, series.instanceId());
        return MetaDataInstanceFactory.createStepExecution(parameters, partition);
    }

    /**
     * The step execution of a restart: Spring Batch hands it the context the failed execution last
     * saved.
     */
    static StepExecution restartOf(StepExecution failed) {
        return MetaDataInstanceFactory.createStepExecution(
                failed.getJobParameters(), new ExecutionContext(failed.getExecutionContext()));
    }

    /** The reader of the partition a step execution runs, on {@code chain}. */
    static BlockWindowLogReader reader(StepExecution step, ChainClient chain, Path stateDir) {
        Series series =
                Catalogue.parse(step.getExecutionContext().getString(SeriesPartitioner.SERIES));
        return reader(series, step.getJobParameters(), chain, stateDir);
    }

    /** The reader of a series' partition, on {@code chain}. */
    static BlockWindowLogReader reader(
            Series series, JobParameters parameters, ChainClient chain, Path stateDir) {
        SeriesContracts contracts = new SeriesContracts(REGISTRY, RUN);
        ScanPlanner planner =
                new ScanPlanner(chain, new BlockBounds(chain, 0), contracts, stateDir);
        return new BlockWindowLogReader(
                series,
                IndexJobParameters.of(series.kind(), parameters),
                planner,
                contracts,
                chain,
                ScanProgress.NONE);
    }

    /** Reads up to {@code limit} items, fewer when the reader reaches its end. */
    static List<ScanItem> read(BlockWindowLogReader reader, int limit) {
        List<ScanItem> items = new ArrayList<>();
        ScanItem item;
        while (items.size() < limit && (item = reader.read()) != null) {
            items.add(item);
        }
        return items;
    }
}
