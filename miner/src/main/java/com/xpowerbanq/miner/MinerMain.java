package com.xpowerbanq.miner;

import com.xpowerbanq.miner.mine.JsonLines;
import com.xpowerbanq.miner.mine.MinerLaunch;
import com.xpowerbanq.miner.mine.Settings;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * Entry of {@code banq-miner}: without arguments it mines, configured by the environment; {@code
 * bench [...]} measures the hash loops.
 */
public final class MinerMain {
    private static final String USAGE =
            "usage: banq-miner            mine XPOW (configured by env: PROVIDER_URL, CONTRACT_RUN,\n"
                    + "                              MINT_ADDRESS_PK, MINT_ADDRESS, MINT_LEVEL,"
                    + " MINE_WORKERS,\n"
                    + "                              MAX_PRIORITY_FEE_PER_GAS, MAX_FEE_PER_GAS,"
                    + " GAS_LIMIT, CONTRACTS_FILE)";

    private MinerMain() {}

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args)));
    }

    static int run(List<String> args) {
        if (args.isEmpty()) {
            JsonLines lines = new JsonLines(System.out, System.err, Clock.systemUTC());
            return MinerLaunch.run(
                    System.getenv(),
                    Settings.SECRETS,
                    lines,
                    Runtime.getRuntime().availableProcessors());
        }
        return switch (args.get(0)) {
            case "-h", "--help", "help" -> {
                System.out.println(USAGE);
                yield 0;
            }
            default -> {
                System.err.println("banq-miner: unknown command '" + args.get(0) + "'\n" + USAGE);
                yield 64;
            }
        };
    }
}
