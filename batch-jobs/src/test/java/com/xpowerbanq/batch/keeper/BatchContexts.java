package com.xpowerbanq.batch.keeper;

import com.xpowerbanq.batch.cli.CommandLine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * banq-batch's own application context on a devnet, as the tests start it (in-process or child).
 */
public final class BatchContexts {
    private BatchContexts() {}

    /** Command-line options for a devnet at {@code rpcUrl} with its state in {@code stateDir}. */
    public static List<String> options(
            String rpcUrl, Path registry, Path stateDir, String... more) {
        List<String> options = new ArrayList<>();
        options.add("--state-dir=" + stateDir);
        options.add("--banq.chain.provider-url=" + rpcUrl);
        options.add("--banq.chain.contracts-file=" + registry);
        options.add("--banq.keeper.receipt-poll=100ms");
        options.add("--banq.keeper.receipt-timeout=30s");
        options.addAll(List.of(more));
        return options;
    }

    public static ConfigurableApplicationContext start(List<String> options) {
        return CommandLine.start(options.toArray(String[]::new));
    }

    /**
     * The context on {@code devnet} with its state in {@code stateDir}, signing with the key file.
     */
    public static ConfigurableApplicationContext signing(
            com.xpowerbanq.devnet.Devnet devnet, Path stateDir, Path keyFile) {
        return start(
                options(
                        devnet.rpcUrl(),
                        devnet.registryFile(),
                        stateDir,
                        "--banq.keeper.private-key-file=" + keyFile));
    }
}
