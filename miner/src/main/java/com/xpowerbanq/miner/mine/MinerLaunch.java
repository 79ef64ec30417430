package com.xpowerbanq.miner.mine;

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
import java.util.Map;
import java.util.Optional;

/**
 * Starts the miner from the environment: checks the settings, reaches the chain, finds the XPOW
 * address in the contract registry (CONTRACTS_FILE, else the packaged one of the chain id), then
 * mines until SIGTERM. Returns the process exit status.
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
        try (JsonRpcChainClient rpc =
                JsonRpcChainClient.connect(
                        RegistrySelector.endpoints(String.join(",", settings.providerUrls())),
                        CALL_TIMEOUT,
                        // the miner retries whole steps itself
                        RetryPolicy.once())) {
            long chainId;
            try {
                chainId = rpc.chainId();
            } catch (ChainException e) {
                lines.error("config", e.getMessage(), "setting", Settings.PROVIDER_URL);
                return ExitCode.UNAVAILABLE.code;
            }
            Optional<String> xpow;
            try {
                xpow =
                        RegistrySelector.ofChain(settings.contractsFile(), chainId)
                                .address("XPOW", settings.contractRun());
            } catch (ContractRegistryException e) {
                lines.error("config", e.getMessage(), "setting", Settings.CONTRACTS_FILE);
                return ExitCode.DATA.code;
            }
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
