package com.xpowerbanq.miner;

import com.xpowerbanq.miner.mine.JsonLines;
import com.xpowerbanq.miner.mine.MinerLaunch;
import com.xpowerbanq.miner.mine.Settings;
import com.xpowerbanq.schema.cli.Cli;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * Entry of {@code banq-miner}: mines XPOW, configured by the environment (never by arguments, so
 * that no key ever shows on a command line). Its benchmark is {@code ./banq bench miner}.
 */
@Command(
        name = "banq-miner",
        mixinStandardHelpOptions = true,
        version = "banq-miner 1.0",
        description = "Mines XPOW with every core, one JSON line per step.",
        subcommands = HelpCommand.class,
        footer = {
            "Environment: PROVIDER_URL, CONTRACT_RUN, MINT_ADDRESS_PK (or the file",
            "/var/run/secrets/mint-address-pk), MINT_ADDRESS (or /var/run/secrets/mint-address),",
            "MINT_LEVEL (8), MINE_WORKERS (7), MAX_PRIORITY_FEE_PER_GAS, MAX_FEE_PER_GAS, GAS_LIMIT,",
            "CONTRACTS_FILE."
        })
public final class MinerMain implements Callable<Integer> {

    MinerMain() {}

    public static void main(String[] args) {
        System.exit(Cli.execute(new MinerMain(), args));
    }

    @Override
    public Integer call() {
        JsonLines lines = new JsonLines(System.out, System.err, Clock.systemUTC());
        return MinerLaunch.run(
                System.getenv(),
                Settings.SECRETS,
                lines,
                Runtime.getRuntime().availableProcessors());
    }
}
