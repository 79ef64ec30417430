package com.xpowerbanq.miner.mine;

import com.xpowerbanq.miner.pow.NonceSearch;
import com.xpowerbanq.miner.pow.VectorSupport;
import com.xpowerbanq.schema.ContractRegistry;
import com.xpowerbanq.schema.ContractRegistryException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.web3j.protocol.core.methods.response.EthChainId;

/**
 * Starts the miner from the environment: checks the settings, reaches the chain, finds the XPOW
 * address in the contract registry (CONTRACTS_FILE, else the packaged one of the chain id), then
 * mines until SIGTERM. Returns the process exit status.
 */
public final class MinerLaunch {
    private static final long WARM_NONCES = 1 << 17;

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
        List<String> urls = settings.providerUrls();
        if (urls.isEmpty()) {
            urls = split(ContractRegistry.packaged("mainnet").providerUrl());
        }
        try (Rpc rpc = new Rpc(urls)) {
            long chainId;
            try {
                EthChainId answer = rpc.send(w -> w.ethChainId());
                if (answer.hasError() || answer.getChainId() == null) {
                    lines.error(
                            "config",
                            "eth_chainId failed: " + XpowChain.message(answer.getError()),
                            "setting",
                            Settings.PROVIDER_URL);
                    return 69;
                }
                chainId = answer.getChainId().longValue();
            } catch (Rpc.UnavailableException e) {
                lines.error("config", e.getMessage(), "setting", Settings.PROVIDER_URL);
                return 69;
            }
            Optional<String> xpow;
            try {
                xpow =
                        ContractRegistry.select(settings.contractsFile(), chainId)
                                .address("XPOW", settings.contractRun());
            } catch (ContractRegistryException e) {
                lines.error("config", e.getMessage(), "setting", Settings.CONTRACTS_FILE);
                return 65;
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
                return 65;
            }
            XpowChain chain = new XpowChain(rpc, xpow.get(), chainId, settings);
            Miner miner =
                    new Miner(
                            settings,
                            chain,
                            NonceSearch.warm(NonceSearch.fastest(), WARM_NONCES),
                            lines,
                            Miner.Timing.DEFAULT);
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
            miner.run();
            return 0;
        }
    }

    private static List<String> split(String urls) {
        return Arrays.stream(urls.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
