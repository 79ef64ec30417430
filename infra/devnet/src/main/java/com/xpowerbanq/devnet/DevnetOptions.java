package com.xpowerbanq.devnet;

import com.xpowerbanq.schema.ContractRun;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * How to start a devnet: days of activity to simulate, the loopback port (0 picks a free one),
 * where to write the registry (null: a temporary directory removed on close), the anvil binary
 * (null: env ANVIL, else found under infra/devnet/node_modules), the activity to simulate and the
 * keeper that sends what the activity leaves to it (null: the activity keeps the protocol itself),
 * and the contract run whose contracts it deploys and whose names its registry holds.
 */
public record DevnetOptions(
        int days,
        int port,
        @Nullable Path stateDir,
        @Nullable Path anvil,
        Activity activity,
        Keeper.@Nullable Factory keeper,
        ContractRun run) {

    public static final int DEFAULT_DAYS = 30;

    public DevnetOptions {
        java.util.Objects.requireNonNull(run, "run");
        if (days < 0) {
            throw new IllegalArgumentException("days must be >= 0, got " + days);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(
                    "port must be in 0..65535 (0 = any free), got " + port);
        }
    }

    /**
     * 30 days of the default activity of the v10a run on a free port, registry in a temporary
     * directory.
     */
    public static DevnetOptions defaults() {
        return new DevnetOptions(
                DEFAULT_DAYS, 0, null, null, new SteadyActivity(), null, ContractRun.V10A);
    }

    public DevnetOptions withDays(int newDays) {
        return new DevnetOptions(newDays, port, stateDir, anvil, activity, keeper, run);
    }

    public DevnetOptions withPort(int newPort) {
        return new DevnetOptions(days, newPort, stateDir, anvil, activity, keeper, run);
    }

    public DevnetOptions withStateDir(@Nullable Path newStateDir) {
        return new DevnetOptions(days, port, newStateDir, anvil, activity, keeper, run);
    }

    public DevnetOptions withAnvil(@Nullable Path newAnvil) {
        return new DevnetOptions(days, port, stateDir, newAnvil, activity, keeper, run);
    }

    public DevnetOptions withActivity(Activity newActivity) {
        return new DevnetOptions(days, port, stateDir, anvil, newActivity, keeper, run);
    }

    /**
     * The steady market with its reindexes and retwaps sent by the keeper the factory makes (the
     * keeper jobs of banq-batch), instead of by the devnet's Driver.
     */
    public DevnetOptions withKeeper(Keeper.Factory newKeeper) {
        return new DevnetOptions(
                days, port, stateDir, anvil, SteadyActivity.marketOnly(), newKeeper, run);
    }

    /** The contracts of this run (v10a, v10b or v10c) and a registry under its name. */
    public DevnetOptions withRun(ContractRun newRun) {
        return new DevnetOptions(days, port, stateDir, anvil, activity, keeper, newRun);
    }
}
