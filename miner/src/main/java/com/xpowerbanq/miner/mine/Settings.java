package com.xpowerbanq.miner.mine;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

/**
 * The miner's configuration, read from the environment as the original container reads it: the
 * signing key and the beneficiary from env or from the secret files, level, workers and gas. Every
 * problem stops the start with a {@link SettingException} naming the setting.
 *
 * @param providerUrls JSON-RPC endpoints, in failover order; empty means the registry's default
 * @param maxPriorityFeePerGas wei, null for auto
 * @param maxFeePerGas wei, null for auto
 * @param gasLimit null for auto (estimated per mint)
 */
public record Settings(
        List<String> providerUrls,
        String contractRun,
        @Nullable String contractsFile,
        Credentials signer,
        String mintAddress,
        int level,
        int workers,
        @Nullable BigInteger maxPriorityFeePerGas,
        @Nullable BigInteger maxFeePerGas,
        @Nullable BigInteger gasLimit,
        List<String> warnings) {

    public static final String PROVIDER_URL = "PROVIDER_URL";
    public static final String CONTRACT_RUN = "CONTRACT_RUN";
    public static final String CONTRACTS_FILE = "CONTRACTS_FILE";
    public static final String MINT_ADDRESS_PK = "MINT_ADDRESS_PK";
    public static final String MINT_ADDRESS = "MINT_ADDRESS";
    public static final String MINT_LEVEL = "MINT_LEVEL";
    public static final String MINE_WORKERS = "MINE_WORKERS";
    public static final String MAX_PRIORITY_FEE_PER_GAS = "MAX_PRIORITY_FEE_PER_GAS";
    public static final String MAX_FEE_PER_GAS = "MAX_FEE_PER_GAS";
    public static final String GAS_LIMIT = "GAS_LIMIT";

    /** Where the container mounts the secrets when they are not in the environment. */
    public static final Path SECRETS = Path.of("/var/run/secrets");

    static final int DEFAULT_LEVEL = 8;
    static final int DEFAULT_WORKERS = 7;

    private static final Pattern KEY = Pattern.compile("(0x)?[0-9a-fA-F]{64}");
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final Pattern RUN = Pattern.compile("v[0-9]+[a-z]");
    private static final BigInteger CURVE_ORDER =
            new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);

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
        Credentials signer = signer(env, secrets);
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
                wei(env, MAX_PRIORITY_FEE_PER_GAS, BigInteger.ZERO),
                wei(env, MAX_FEE_PER_GAS, BigInteger.ZERO),
                wei(env, GAS_LIMIT, BigInteger.valueOf(21_000)),
                List.copyOf(warnings));
    }

    private static List<String> providerUrls(Map<String, String> env) {
        String value = value(env, PROVIDER_URL);
        if (value == null) {
            return List.of();
        }
        List<String> urls =
                Arrays.stream(value.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
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

    private static Credentials signer(Map<String, String> env, Path secrets) {
        String key = value(env, MINT_ADDRESS_PK);
        if (key == null) {
            key = secret(secrets.resolve("mint-address-pk"), MINT_ADDRESS_PK);
        }
        if (key == null) {
            throw SettingException.missing(
                    MINT_ADDRESS_PK,
                    MINT_ADDRESS_PK
                            + " is not set: put the signing key (it pays the gas) in "
                            + MINT_ADDRESS_PK
                            + " or in the file "
                            + secrets.resolve("mint-address-pk"));
        }
        BigInteger number = KEY.matcher(key).matches() ? new BigInteger(strip0x(key), 16) : null;
        if (number == null || number.signum() == 0 || number.compareTo(CURVE_ORDER) >= 0) {
            // never echo the value: it is (or nearly is) a private key
            throw SettingException.malformed(
                    MINT_ADDRESS_PK,
                    MINT_ADDRESS_PK
                            + " is malformed: expected a secp256k1 private key as 64 hex digits"
                            + " (optionally 0x-prefixed)");
        }
        return Credentials.create(strip0x(key));
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

    private static @Nullable BigInteger wei(Map<String, String> env, String name, BigInteger min) {
        String text = value(env, name);
        if (text == null) {
            return null;
        }
        try {
            BigInteger value = new BigInteger(text);
            if (value.compareTo(min) >= 0 && value.bitLength() <= 256) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw SettingException.malformed(
                name,
                name
                        + " must be a whole number of "
                        + (name.equals(GAS_LIMIT) ? "gas units" : "wei")
                        + " of at least "
                        + min
                        + " (or unset for auto), got '"
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

    private static String strip0x(String hex) {
        return hex.startsWith("0x") ? hex.substring(2) : hex;
    }
}
