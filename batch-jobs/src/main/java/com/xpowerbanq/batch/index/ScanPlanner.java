package com.xpowerbanq.batch.index;

import com.xpowerbanq.chain.rpc.BlockBounds;
import com.xpowerbanq.chain.rpc.ChainClient;
import com.xpowerbanq.schema.Series;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Fixes the block range a series scans: from the progress an earlier run recorded in the series
 * database (incremental), else from the {@code from} parameter; up to the {@code to} parameter.
 */
public final class ScanPlanner {
    private final ChainClient chain;
    private final BlockBounds bounds;
    private final SeriesContracts contracts;
    private final Path stateDir;

    public ScanPlanner(
            ChainClient chain, BlockBounds bounds, SeriesContracts contracts, Path stateDir) {
        this.chain = chain;
        this.bounds = bounds;
        this.contracts = contracts;
        this.stateDir = stateDir;
    }

    ScanPlan plan(Series series, IndexJobParameters parameters) {
        String contract;
        try {
            contract = contracts.emitter(series, chain);
        } catch (SeriesContracts.Skip skip) {
            return ScanPlan.skipped(skip.getMessage());
        }
        long chainId = chain.chainId();
        long upper = upper(parameters.to());
        OptionalLong done = OptionalLong.empty();
        if (!parameters.rescan()) {
            try (RawLogStore store =
                    RawLogStore.open(file(series), series.kind(), contracts.format())) {
                done = store.lastBlock(chainId, contract);
            }
        }
        long lower =
                done.isPresent()
                        ? done.getAsLong() + 1
                        : lower(parameters.from(), contract, upper, parameters.window());
        return new ScanPlan(chainId, contract, lower, upper, parameters.window(), null);
    }

    Path file(Series series) {
        return stateDir.resolve(series.stateFile());
    }

    private long upper(String to) {
        return switch (to) {
            case "finalized" -> bounds.finalized();
            case "latest" -> bounds.latest();
            default -> {
                long block = Long.parseLong(to);
                long latest = bounds.latest();
                if (block > latest) {
                    throw new IllegalArgumentException(
                            "to=" + block + " is beyond the chain's latest block " + latest);
                }
                yield block;
            }
        };
    }

    private long lower(String from, String contract, long upper, long window) {
        if (from.equals("deploy")) {
            return bounds.deployBlock(contract, upper);
        }
        if (from.startsWith("-")) {
            long windows = Long.parseLong(from.substring(1));
            return Math.max(0, upper - windows * window + 1);
        }
        long block = Long.parseLong(from);
        if (block > upper) {
            // the job's validator refuses this before the run; a chain that moved back (a reset
            // devnet) can still get here
            throw new IllegalArgumentException(
                    "from=" + block + " is above the upper bound " + upper + ": nothing to scan");
        }
        return block;
    }
}
