package com.xpowerbanq.miner.mine;

import com.xpowerbanq.chain.registry.ChainNetwork;
import com.xpowerbanq.chain.registry.RegistrySelector;
import com.xpowerbanq.chain.rpc.ChainException;
import com.xpowerbanq.chain.rpc.JsonRpcChainClient;
import com.xpowerbanq.chain.rpc.RetryPolicy;
import com.xpowerbanq.miner.pow.NonceSearch;
import com.xpowerbanq.miner.pow.VectorSupport;
import com.xpowerbanq.schema.ContractRegistryException;
import com.xpowerbanq.schema.cli.ExitCode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts the miner from the environment: checks the settings, reaches the chain, finds the XPOW
 * address in the registry of the chain its endpoints answer for (RegistrySelector: the packaged one
 * of 43114 or 43113, else CONTRACTS_FILE), then mines until SIGTERM. Returns the process exit
 * status.
 */
public final class MinerLaunch {
    private static final long WARM_NONCES = 1 << 17;
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private MinerLaunch() {}

    public static int run(Map<String, String> env, Path secrets, JsonLines lines, int cores) {
        Settings settings;
        try {
            settings = Settings.from(env, secrets, cores);
        } catch (SettingException e) {
            lines.error("config", e.getMessage(), "setting", e.setting());
            return e.exitStatus();
        }
        settings.warnings().forEach(warning -> lines.error("config", warning));
        if (!VectorSupport.available()) {
            lines.error(
                    "config",
                    "the Vector API is missing (start java with --add-modules"
                            + " jdk.incubator.vector): mining with the slower scalar loop");
        }
        List<String> urls =
                RegistrySelector.endpoints(
                        String.join(",", settings.providerUrls()), settings.contractsFile());
        ChainNetwork network;
        try {
            // the miner retries whole steps itself
            network =
                    RegistrySelector.identify(
                            urls,
                            settings.contractsFile(),
                            settings.contractRun(),
                            CALL_TIMEOUT,
                            RetryPolicy.once());
        } catch (ChainException e) {
            lines.error("config", e.getMessage(), "setting", Settings.PROVIDER_URL);
            return ExitCode.UNAVAILABLE.code;
        } catch (ContractRegistryException | IllegalArgumentException e) {
            lines.error("config", e.getMessage(), "setting", Settings.CONTRACTS_FILE);
            return ExitCode.DATA.code;
        }
        long chainId = network.chainId();
        try (JsonRpcChainClient rpc =
                JsonRpcChainClient.connect(network.endpoints(), CALL_TIMEOUT, RetryPolicy.once())) {
            Optional<String> xpow = network.registry().address("XPOW", settings.contractRun());
            if (xpow.isEmpty()) {
                lines.error(
                        "config",
                        "the contract registry has no XPOW address for run "
                                + settings.contractRun()
                                + " on chain "
                                + chainId,
                        "setting",
                        Settings.CONTRACT_RUN);
                return ExitCode.DATA.code;
            }
            XpowChain chain;
            try {
                chain = XpowChain.connect(rpc, xpow.get(), settings);
            } catch (IOException e) {
                lines.error("config", e.getMessage(), "setting", Settings.PROVIDER_URL);
                return ExitCode.UNAVAILABLE.code;
            }
            Miner miner =
                    new Miner(
                            settings,
                            chain,
                            NonceSearch.warm(NonceSearch.fastest(), WARM_NONCES),
                            lines,
                            Miner.Timing.DEFAULT);
            MinerMetrics metrics = null;
            if (settings.metricsPort() != null) {
                try {
                    metrics = MinerMetrics.serve(miner.tally(), settings.metricsPort());
                } catch (java.io.UncheckedIOException e) {
                    lines.error("config", e.getMessage(), "setting", Settings.MINER_METRICS_PORT);
                    return ExitCode.UNAVAILABLE.code;
                }
            }
            Thread hook =
                    new Thread(
                            () -> {
                                miner.stop();
                                try {
                                    miner.awaitStopped(Duration.ofSeconds(30));
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            },
                            "sigterm");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                miner.run();
            } finally {
                if (metrics != null) {
                    metrics.close();
                }
            }
            return 0;
        }
    }
}
