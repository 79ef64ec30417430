package com.xpowerbanq.devnet;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * How to start a devnet: days of activity to simulate, the loopback port (0 picks a free one),
 * where to write the registry (null: a temporary directory removed on close), the anvil binary
 * (null: env ANVIL, else found under infra/devnet/node_modules), the activity to simulate and the
 * keeper that sends what the activity leaves to it (null: the activity keeps the protocol itself).
 */
public record DevnetOptions(
        int days,
        int port,
        @Nullable Path stateDir,
        @Nullable Path anvil,
        Activity activity,
        Keeper.@Nullable Factory keeper) {

    public static final int DEFAULT_DAYS = 30;

    public DevnetOptions {
        if (days < 0) {
            throw new IllegalArgumentException("days must be >= 0, got " + days);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(
                    "port must be in 0..65535 (0 = any free), got " + port);
        }
    }

    /** 30 days of the default activity on a free port, registry in a temporary directory. */
    public static DevnetOptions defaults() {
        return new DevnetOptions(DEFAULT_DAYS, 0, null, null, new SteadyActivity(), null);
    }

    public DevnetOptions withDays(int newDays) {
        return new DevnetOptions(newDays, port, stateDir, anvil, activity, keeper);
    }

    public DevnetOptions withPort(int newPort) {
        return new DevnetOptions(days, newPort, stateDir, anvil, activity, keeper);
    }

    public DevnetOptions withStateDir(@Nullable Path newStateDir) {
        return new DevnetOptions(days, port, newStateDir, anvil, activity, keeper);
    }

    public DevnetOptions withAnvil(@Nullable Path newAnvil) {
        return new DevnetOptions(days, port, stateDir, newAnvil, activity, keeper);
    }

    public DevnetOptions withActivity(Activity newActivity) {
        return new DevnetOptions(days, port, stateDir, anvil, newActivity, keeper);
    }

    /**
     * The steady market with its reindexes and retwaps sent by the keeper the factory makes (the
     * keeper jobs of banq-batch), instead of by the devnet's Driver.
     */
    public DevnetOptions withKeeper(Keeper.Factory newKeeper) {
        return new DevnetOptions(
                days, port, stateDir, anvil, SteadyActivity.marketOnly(), newKeeper);
    }
}
