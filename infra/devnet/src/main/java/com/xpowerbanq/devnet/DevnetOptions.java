package com.xpowerbanq.devnet;

import com.xpowerbanq.schema.ContractRun;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How to start a devnet: days of activity to simulate, the loopback port (0 picks a free one),
 * where to write the registry (null: a temporary directory removed on close), the anvil binary
 * (null: env ANVIL, else found under infra/devnet/node_modules), the activity to simulate and the
 * keeper that sends what the activity leaves to it (null: the activity keeps the protocol itself),
 * the contract run whose contracts it deploys and whose names its registry holds, and how long one
 * duty of that keeper may take before the devnet stops with the pool's state.
 */
public record DevnetOptions(
        int days,
        int port,
        @Nullable Path stateDir,
        @Nullable Path anvil,
        Activity activity,
        Keeper.@Nullable Factory keeper,
        ContractRun run,
        Duration dutyDeadline) {

    public static final int DEFAULT_DAYS = 30;

    /**
     * A duty of the keeper jobs takes a second or less; two minutes leave room for a loaded machine
     * and for the keeper's own receipt timeout to fail the job first.
     */
    public static final Duration DEFAULT_DUTY_DEADLINE = Duration.ofMinutes(2);

    public DevnetOptions {
        java.util.Objects.requireNonNull(run, "run");
        if (days < 0) {
            throw new IllegalArgumentException("days must be >= 0, got " + days);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(
                    "port must be in 0..65535 (0 = any free), got " + port);
        }
        if (dutyDeadline.isNegative() || dutyDeadline.isZero()) {
            throw new IllegalArgumentException(
                    "dutyDeadline must be positive, got " + dutyDeadline);
        }
    }

    /**
     * 30 days of the default activity of the v10a run on a free port, registry in a temporary
     * directory.
     */
    public static DevnetOptions defaults() {
        return new DevnetOptions(
                DEFAULT_DAYS,
                0,
                null,
                null,
                new SteadyActivity(),
                null,
                ContractRun.V10A,
                DEFAULT_DUTY_DEADLINE);
    }

    public DevnetOptions withDays(int newDays) {
        return new DevnetOptions(
                newDays, port, stateDir, anvil, activity, keeper, run, dutyDeadline);
    }

    public DevnetOptions withPort(int newPort) {
        return new DevnetOptions(
                days, newPort, stateDir, anvil, activity, keeper, run, dutyDeadline);
    }

    public DevnetOptions withStateDir(@Nullable Path newStateDir) {
        return new DevnetOptions(
                days, port, newStateDir, anvil, activity, keeper, run, dutyDeadline);
    }

    public DevnetOptions withAnvil(@Nullable Path newAnvil) {
        return new DevnetOptions(
                days, port, stateDir, newAnvil, activity, keeper, run, dutyDeadline);
    }

    public DevnetOptions withActivity(Activity newActivity) {
        return new DevnetOptions(
                days, port, stateDir, anvil, newActivity, keeper, run, dutyDeadline);
    }

    /**
     * The steady market with its reindexes and retwaps sent by the keeper the factory makes (the
     * keeper jobs of banq-batch), instead of by the devnet's Driver.
     */
    public DevnetOptions withKeeper(Keeper.Factory newKeeper) {
        return new DevnetOptions(
                days,
                port,
                stateDir,
                anvil,
                SteadyActivity.marketOnly(),
                newKeeper,
                run,
                dutyDeadline);
    }

    /** The contracts of this run (v10a, v10b or v10c) and a registry under its name. */
    public DevnetOptions withRun(ContractRun newRun) {
        return new DevnetOptions(
                days, port, stateDir, anvil, activity, keeper, newRun, dutyDeadline);
    }

    /** How long one keeper duty may take before the devnet stops and says why. */
    public DevnetOptions withDutyDeadline(Duration newDeadline) {
        return new DevnetOptions(days, port, stateDir, anvil, activity, keeper, run, newDeadline);
    }
}
