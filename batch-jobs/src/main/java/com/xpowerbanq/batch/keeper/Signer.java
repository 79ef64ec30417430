package com.xpowerbanq.batch.keeper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.web3j.crypto.Credentials;

/**
 * The one key the keeper signs with, read from {@code PRIVATE_KEY} or from the file named by {@code
 * PRIVATE_KEY_FILE}. The key never leaves this object: {@link #toString()} shows the address only,
 * and error messages name the variable or file, never its content.
 */
public final class Signer {
    public static final String PRIVATE_KEY = "PRIVATE_KEY";
    public static final String PRIVATE_KEY_FILE = "PRIVATE_KEY_FILE";

    private static final Pattern HEX_KEY = Pattern.compile("(0x)?[0-9a-fA-F]{64}");

    private final Credentials credentials;

    private Signer(Credentials credentials) {
        this.credentials = credentials;
    }

    /** Reads the key from the environment; fails with a message naming the variable to set. */
    public static Signer fromEnvironment(Map<String, String> env) {
        String inline = env.get(PRIVATE_KEY);
        String file = env.get(PRIVATE_KEY_FILE);
        if (inline != null && !inline.isBlank()) {
            return parse(inline.strip(), "the environment variable " + PRIVATE_KEY);
        }
        if (file != null && !file.isBlank()) {
            return fromFile(Path.of(file.strip()));
        }
        throw new SignerException(
                "broadcasting needs a signing key: set "
                        + PRIVATE_KEY
                        + " or "
                        + PRIVATE_KEY_FILE
                        + " (a file holding the hex key) in the environment");
    }

    /** Reads the key from a file holding it as hex (surrounding whitespace ignored). */
    public static Signer fromFile(Path file) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException | RuntimeException e) {
            throw new SignerException(
                    "cannot read the key file "
                            + file
                            + " named by "
                            + PRIVATE_KEY_FILE
                            + ": "
                            + e.getClass().getSimpleName());
        }
        return parse(content, "the key file " + file);
    }

    private static Signer parse(String hex, String origin) {
        if (!HEX_KEY.matcher(hex).matches()) {
            throw new SignerException(
                    origin + " does not hold a private key (expected 64 hex digits, 0x optional)");
        }
        return new Signer(Credentials.create(hex));
    }

    public String address() {
        return credentials.getAddress();
    }

    Credentials credentials() {
        return credentials;
    }

    @Override
    public String toString() {
        return "Signer[" + address() + "]";
    }

    /** A key that is missing or unreadable; the message never contains key material. */
    public static final class SignerException extends IllegalStateException {
        SignerException(String message) {
            super(message);
        }
    }
}
