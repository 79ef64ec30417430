package com.xpowerbanq.chain.tx;

import com.xpowerbanq.schema.cli.ExitCode;
import com.xpowerbanq.schema.cli.ExitStatus;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.web3j.crypto.Credentials;

/**
 * Where a program's signing key comes from: the environment variable {@code variable} holding it as
 * hex, else a file holding it, named by the variable {@code fileVariable} (the keeper's {@code
 * PRIVATE_KEY_FILE}) or at the fixed path {@code file} (the miner's container secret). Errors name
 * the variable or file, never the key.
 */
public record KeySource(String variable, @Nullable String fileVariable, @Nullable Path file) {
    /** The keeper's key: {@code PRIVATE_KEY}, else the file named by {@code PRIVATE_KEY_FILE}. */
    public static final KeySource KEEPER =
            new KeySource(Signer.PRIVATE_KEY, Signer.PRIVATE_KEY_FILE, null);

    private static final Pattern HEX_KEY = Pattern.compile("(0x)?[0-9a-fA-F]{64}");
    private static final BigInteger CURVE_ORDER =
            new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);

    /** The miner's key: {@code MINT_ADDRESS_PK}, else the secret file {@code mint-address-pk}. */
    public static KeySource miner(Path secrets) {
        return new KeySource("MINT_ADDRESS_PK", null, secrets.resolve("mint-address-pk"));
    }

    /** Reads the key from {@code env} or its file; fails naming what to set. */
    public Signer load(Map<String, String> env) {
        String inline = env.get(variable);
        if (inline != null && !inline.isBlank()) {
            return parse(inline.strip(), variable, variable + " is malformed");
        }
        if (fileVariable != null) {
            String named = env.get(fileVariable);
            if (named != null && !named.isBlank()) {
                return fromFile(Path.of(named.strip()));
            }
        } else if (file != null && Files.isRegularFile(file)) {
            String content = read(file);
            if (!content.isEmpty()) {
                return parse(content, variable, variable + " is malformed (the file " + file + ")");
            }
        }
        throw new KeyException(
                variable,
                ExitCode.USAGE,
                variable
                        + " is not set: put the signing key in "
                        + variable
                        + " or in "
                        + (fileVariable != null
                                ? "a file named by " + fileVariable
                                : "the file " + file));
    }

    /** Reads the key from a file holding it as hex (surrounding whitespace ignored). */
    public Signer fromFile(Path path) {
        String setting = fileVariable != null ? fileVariable : variable;
        return parse(read(path), setting, setting + " is malformed (the key file " + path + ")");
    }

    private String read(Path path) {
        String setting = fileVariable != null ? fileVariable : variable;
        try {
            return Files.readString(path, StandardCharsets.US_ASCII).strip();
        } catch (IOException | RuntimeException e) {
            throw new KeyException(
                    setting,
                    ExitCode.USAGE,
                    setting
                            + " cannot be read from the key file "
                            + path
                            + ": "
                            + e.getClass().getSimpleName());
        }
    }

    private static Signer parse(String hex, String setting, String problem) {
        BigInteger number =
                HEX_KEY.matcher(hex).matches()
                        ? new BigInteger(hex.startsWith("0x") ? hex.substring(2) : hex, 16)
                        : null;
        if (number == null || number.signum() == 0 || number.compareTo(CURVE_ORDER) >= 0) {
            // never echo the value: it is (or nearly is) a private key
            throw new KeyException(
                    setting,
                    ExitCode.DATA,
                    problem
                            + ": expected a secp256k1 private key as 64 hex digits (optionally"
                            + " 0x-prefixed)");
        }
        return new Signer(Credentials.create(hex));
    }

    /** A key that is missing or unreadable; the message never contains key material. */
    public static final class KeyException extends IllegalStateException implements ExitStatus {
        private final String setting;
        private final ExitCode exitCode;

        KeyException(String setting, ExitCode exitCode, String message) {
            super(message);
            this.setting = setting;
            this.exitCode = exitCode;
        }

        /** The variable to set or fix. */
        public String setting() {
            return setting;
        }

        /** USAGE when the key is missing or unreadable, DATA when it is malformed. */
        @Override
        public ExitCode exitCode() {
            return exitCode;
        }
    }
}
