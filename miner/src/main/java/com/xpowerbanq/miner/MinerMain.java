package com.xpowerbanq.miner;

import com.xpowerbanq.miner.bench.MinerBench;
import java.util.Arrays;
import java.util.List;

/**
 * Entry of {@code banq-miner}: {@code bench [...]} measures, no argument mines (configured by env).
 */
public final class MinerMain {
    private MinerMain() {}

    public static void main(String[] args) {
        List<String> list = Arrays.asList(args);
        int status;
        if (!list.isEmpty() && list.get(0).equals("bench")) {
            status = MinerBench.run(list.subList(1, list.size()), System.out, System.err);
        } else {
            System.err.println("banq-miner: mining is not wired yet; use 'bench'");
            status = 64;
        }
        System.exit(status);
    }
}
