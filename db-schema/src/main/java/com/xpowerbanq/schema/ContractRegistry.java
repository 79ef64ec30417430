package com.xpowerbanq.schema;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Contract addresses per name and contract run, in the env-file form of the original's registry:
 * comments, an optional {@code PROVIDER_URL=} line and {@code NAME_ADDRESS_run=0x…} lines. A zero
 * address means "not deployed in this run" and reads as empty.
 */
public final class ContractRegistry {

    /** Environment variable naming a registry file that overrides the packaged one. */
    public static final String CONTRACTS_FILE = "CONTRACTS_FILE";

    public static final long MAINNET_CHAIN_ID = 43114;
    public static final long TESTNET_CHAIN_ID = 43113;

    private static final String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";
    private static final Pattern KEY = Pattern.compile("([A-Za-z0-9]+)_ADDRESS_([A-Za-z0-9]+)");
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final Pattern ASSIGNMENT =
            Pattern.compile("(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)");

    private final String providerUrl;
    private final List<String> comments;
    private final Map<Key, String> addresses;
    private final List<Key> order;

    private ContractRegistry(
            String providerUrl, List<String> comments, Map<Key, String> addresses) {
        this.providerUrl = providerUrl;
        this.comments = List.copyOf(comments);
        this.addresses = Map.copyOf(addresses);
        this.order = List.copyOf(addresses.keySet());
    }

    /** Reads a registry file; names the file and line of anything malformed. */
    public static ContractRegistry load(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        } catch (NoSuchFileException e) {
            throw new ContractRegistryException("contract registry " + file + " does not exist");
        } catch (IOException e) {
            throw new ContractRegistryException(
                    "contract registry " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The registry shipped with this build for "mainnet" or "testnet". */
    public static ContractRegistry packaged(String network) {
        String resource = "contracts." + network + ".env";
        InputStream in =
                network.matches("[a-z]+")
                        ? ContractRegistry.class.getResourceAsStream(resource)
                        : null;
        if (in == null) {
            throw new ContractRegistryException(
                    "no packaged contract registry for network '"
                            + network
                            + "': expected mainnet or testnet, or set "
                            + CONTRACTS_FILE);
        }
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(reader, "packaged " + resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The packaged network of a chain id: 43114 → "mainnet", 43113 → "testnet". */
    public static Optional<String> networkOf(long chainId) {
        if (chainId == MAINNET_CHAIN_ID) {
            return Optional.of("mainnet");
        }
        if (chainId == TESTNET_CHAIN_ID) {
            return Optional.of("testnet");
        }
        return Optional.empty();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The address of contract {@code name} (e.g. "P000", "T003", "XPOW") in contract run {@code
     * run} (e.g. "v10a"); empty when the registry has no entry or the zero address.
     */
    public Optional<String> address(String name, String run) {
        String address = addresses.get(new Key(name, run));
        if (address == null || address.equalsIgnoreCase(ZERO_ADDRESS)) {
            return Optional.empty();
        }
        return Optional.of(address);
    }

    /**
     * Why {@link #address} is empty, for messages that skip a series: "not deployed in contract run
     * v10a (no or zero P000_ADDRESS_v10a in the registry)".
     */
    public static String notDeployed(String name, String run) {
        return "not deployed in contract run "
                + run
                + " (no or zero "
                + name
                + "_ADDRESS_"
                + run
                + " in the registry)";
    }

    /** The {@code PROVIDER_URL} value (comma-separated endpoints); empty when the file has none. */
    public String providerUrl() {
        return providerUrl;
    }

    /** The contract runs the registry names, in file order ("v10a", "v10b", …). */
    public Set<String> runs() {
        Set<String> runs = new LinkedHashSet<>();
        order.forEach(key -> runs.add(key.run()));
        return runs;
    }

    /** Writes the registry in the env-file form {@link #load(Path)} reads. */
    public void write(Path file) {
        StringBuilder text = new StringBuilder();
        comments.forEach(line -> text.append("# ").append(line).append('\n'));
        if (!providerUrl.isEmpty()) {
            text.append("PROVIDER_URL=").append(providerUrl).append('\n');
        }
        for (Key key : order) {
            text.append(key.name())
                    .append("_ADDRESS_")
                    .append(key.run())
                    .append('=')
                    .append(addresses.get(key))
                    .append('\n');
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ContractRegistryException(
                    "cannot write contract registry " + file + ": " + e.getMessage(), e);
        }
    }

    private static ContractRegistry parse(BufferedReader reader, String source) throws IOException {
        Builder builder = new Builder();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            Matcher assignment = ASSIGNMENT.matcher(text);
            if (!assignment.matches()) {
                throw malformed(source, number, "expected NAME_ADDRESS_run=0x… or a # comment");
            }
            String name = assignment.group(1);
            String value = unquote(assignment.group(2).strip());
            Matcher key = KEY.matcher(name);
            if (name.equals("PROVIDER_URL")) {
                builder.providerUrl(value);
            } else if (key.matches()) {
                if (!ADDRESS.matcher(value).matches()) {
                    throw malformed(
                            source,
                            number,
                            name + " is '" + value + "', expected 0x and 40 hex digits");
                }
                builder.address(key.group(1), key.group(2), value);
            }
            // other variables (CONTRACT_RUN, …) may share the file; they are not the registry's
        }
        return builder.build();
    }

    private static String unquote(String value) {
        if (value.length() >= 2
                && (value.startsWith("\"") && value.endsWith("\"")
                        || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    private static ContractRegistryException malformed(String source, int line, String what) {
        return new ContractRegistryException(
                "contract registry " + source + ", line " + line + ": " + what);
    }

    private record Key(String name, String run) {}

    /**
     * Collects a registry, e.g. the devnet's after deploying; {@link #build()} keeps entry order.
     */
    public static final class Builder {
        private String providerUrl = "";
        private final List<String> comments = new ArrayList<>();
        private final Map<Key, String> addresses = new LinkedHashMap<>();

        private Builder() {}

        public Builder providerUrl(String providerUrl) {
            this.providerUrl = Objects.requireNonNull(providerUrl, "providerUrl");
            return this;
        }

        /** A comment line written at the top of the file (without the leading "# "). */
        public Builder comment(String comment) {
            comments.add(comment);
            return this;
        }

        public Builder address(String name, String run, String address) {
            if (!KEY.matcher(name + "_ADDRESS_" + run).matches()) {
                throw new IllegalArgumentException(
                        "contract name '"
                                + name
                                + "' and run '"
                                + run
                                + "' must be letters and digits");
            }
            if (!ADDRESS.matcher(address).matches()) {
                throw new IllegalArgumentException(
                        "address of "
                                + name
                                + " in run "
                                + run
                                + " is '"
                                + address
                                + "', expected 0x and 40 hex digits");
            }
            addresses.put(new Key(name, run), address);
            return this;
        }

        public ContractRegistry build() {
            return new ContractRegistry(providerUrl, comments, addresses);
        }
    }
}
