package com.xpowerbanq.miner.mine;

import com.xpowerbanq.chain.rpc.Endpoints;
import com.xpowerbanq.chain.tx.FeePolicy;
import com.xpowerbanq.chain.tx.KeySource;
import com.xpowerbanq.chain.tx.Signer;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.web3j.crypto.Keys;

/**
 * The miner's configuration, read from the environment as the original container reads it: the
 * signing key and the beneficiary from env or from the secret files, level, workers and gas. Every
 * problem stops the start with a {@link SettingException} naming the setting.
 *
 * @param providerUrls JSON-RPC endpoints, in failover order; empty means the registry's default
 * @param fees fixed fees and gas limit, the rest from the provider; estimates get 25% more
 * @param metricsPort loopback port of the Prometheus metrics (0: any free port), null for none
 */
public record Settings(
        List<String> providerUrls,
        String contractRun,
        @Nullable String contractsFile,
        Signer signer,
        String mintAddress,
        int level,
        int workers,
        FeePolicy fees,
        @Nullable Integer metricsPort,
        List<String> warnings) {

    public static final String PROVIDER_URL = "PROVIDER_URL";
    public static final String CONTRACT_RUN = "CONTRACT_RUN";
    public static final String CONTRACTS_FILE = "CONTRACTS_FILE";
    public static final String MINT_ADDRESS_PK = "MINT_ADDRESS_PK";
    public static final String MINT_ADDRESS = "MINT_ADDRESS";
    public static final String MINT_LEVEL = "MINT_LEVEL";
    public static final String MINE_WORKERS = "MINE_WORKERS";
    public static final String MAX_PRIORITY_FEE_PER_GAS = FeePolicy.MAX_PRIORITY_FEE_PER_GAS;
    public static final String MAX_FEE_PER_GAS = FeePolicy.MAX_FEE_PER_GAS;
    public static final String GAS_LIMIT = FeePolicy.GAS_LIMIT;
    public static final String MINER_METRICS_PORT = "MINER_METRICS_PORT";

    /** Where the container mounts the secrets when they are not in the environment. */
    public static final Path SECRETS = Path.of("/var/run/secrets");

    static final int DEFAULT_LEVEL = 8;
    static final int DEFAULT_WORKERS = 7;

    /** The miner's margin on a gas estimate. */
    static final int GAS_MARGIN_PERCENT = 25;

    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final Pattern RUN = Pattern.compile("v[0-9]+[a-z]");

    @Override
    public String toString() {
        // the signer holds the private key: never print it
        return "Settings[providers="
                + providerUrls
                + ", run="
                + contractRun
                + ", to="
                + mintAddress
                + ", level="
                + level
                + ", workers="
                + workers
                + "]";
    }

    /** Reads the settings from {@code env}, the secrets from {@code secrets} when not in env. */
    public static Settings from(Map<String, String> env, Path secrets, int cores) {
        List<String> warnings = new java.util.ArrayList<>();
        String run = value(env, CONTRACT_RUN);
        if (run == null) {
            run = "v10a";
        } else if (!RUN.matcher(run).matches()) {
            throw SettingException.malformed(
                    CONTRACT_RUN,
                    CONTRACT_RUN + " must be a contract run like v10a, got '" + run + "'");
        }
        Signer signer = signer(env, secrets);
        String to = mintAddress(env, secrets);
        int level = integer(env, MINT_LEVEL, DEFAULT_LEVEL, 1, 64);
        int workers = integer(env, MINE_WORKERS, Math.min(DEFAULT_WORKERS, cores), 1, 4096);
        if (workers > cores) {
            warnings.add(
                    MINE_WORKERS
                            + "="
                            + workers
                            + " is more than the "
                            + cores
                            + " cores: using "
                            + cores);
            workers = cores;
        }
        return new Settings(
                providerUrls(env),
                run,
                value(env, CONTRACTS_FILE),
                signer,
                to,
                level,
                workers,
                fees(env),
                value(env, MINER_METRICS_PORT) == null
                        ? null
                        : integer(env, MINER_METRICS_PORT, 0, 0, 65_535),
                List.copyOf(warnings));
    }

    private static List<String> providerUrls(Map<String, String> env) {
        String value = value(env, PROVIDER_URL);
        if (value == null) {
            return List.of();
        }
        List<String> urls = Endpoints.split(value);
        for (String url : urls) {
            if (!url.matches("(?i)https?://\\S+")) {
                throw SettingException.malformed(
                        PROVIDER_URL,
                        PROVIDER_URL
                                + " must list http(s) endpoints separated by commas, got '"
                                + url
                                + "'");
            }
        }
        return urls;
    }

    private static Signer signer(Map<String, String> env, Path secrets) {
        try {
            return KeySource.miner(secrets).load(env);
        } catch (KeySource.KeyException e) {
            throw new SettingException(e.setting(), e.exitCode(), e.getMessage());
        }
    }

    private static FeePolicy fees(Map<String, String> env) {
        try {
            return FeePolicy.fromEnvironment(env, GAS_MARGIN_PERCENT);
        } catch (FeePolicy.FeeSettingException e) {
            throw SettingException.malformed(e.setting(), e.getMessage());
        }
    }

    /** wei, null for auto */
    public @Nullable BigInteger maxPriorityFeePerGas() {
        return fees.maxPriorityFeePerGas();
    }

    /** wei, null for auto */
    public @Nullable BigInteger maxFeePerGas() {
        return fees.maxFeePerGas();
    }

    /** null for auto (estimated per mint) */
    public @Nullable BigInteger gasLimit() {
        return fees.gasLimit();
    }

    private static String mintAddress(Map<String, String> env, Path secrets) {
        String to = value(env, MINT_ADDRESS);
        if (to == null) {
            to = secret(secrets.resolve("mint-address"), MINT_ADDRESS);
        }
        if (to == null) {
            throw SettingException.missing(
                    MINT_ADDRESS,
                    MINT_ADDRESS
                            + " is not set: put the beneficiary address in "
                            + MINT_ADDRESS
                            + " or in the file "
                            + secrets.resolve("mint-address"));
        }
        if (!ADDRESS.matcher(to).matches()) {
            throw SettingException.malformed(
                    MINT_ADDRESS,
                    MINT_ADDRESS + " must be an address, 0x and 40 hex digits, got '" + to + "'");
        }
        String body = to.substring(2);
        boolean mixedCase = !body.equals(body.toLowerCase()) && !body.equals(body.toUpperCase());
        String checksummed = Keys.toChecksumAddress(to);
        if (mixedCase && !checksummed.equals(to)) {
            throw SettingException.malformed(
                    MINT_ADDRESS,
                    MINT_ADDRESS
                            + " has a wrong EIP-55 checksum: '"
                            + to
                            + "' (did you mean "
                            + checksummed
                            + "?)");
        }
        if (new BigInteger(body, 16).signum() == 0) {
            throw SettingException.malformed(
                    MINT_ADDRESS, MINT_ADDRESS + " must not be the zero address");
        }
        return checksummed;
    }

    private static int integer(
            Map<String, String> env, String name, int fallback, int min, int max) {
        String text = value(env, name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw SettingException.malformed(
                name,
                name
                        + " must be a whole number from "
                        + min
                        + " to "
                        + max
                        + ", got '"
                        + text
                        + "'");
    }

    /** The trimmed value, null when unset or blank (the original passes blanks for "auto"). */
    private static @Nullable String value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static @Nullable String secret(Path file, String setting) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? null : text;
        } catch (IOException e) {
            throw SettingException.missing(
                    setting,
                    setting + " cannot be read from " + file + ": " + e.getClass().getSimpleName());
        }
    }
}
