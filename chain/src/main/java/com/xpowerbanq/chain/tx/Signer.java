package com.xpowerbanq.chain.tx;

import java.nio.file.Path;
import java.util.Map;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/**
 * The one key a program signs with, read by a {@link KeySource}. The key never leaves this object:
 * {@link #toString()} shows the address only.
 */
public final class Signer {
    public static final String PRIVATE_KEY = "PRIVATE_KEY";
    public static final String PRIVATE_KEY_FILE = "PRIVATE_KEY_FILE";

    private final Credentials credentials;

    Signer(Credentials credentials) {
        this.credentials = credentials;
    }

    /** The keeper's key from {@code PRIVATE_KEY} or the file named by {@code PRIVATE_KEY_FILE}. */
    public static Signer fromEnvironment(Map<String, String> env) {
        return KeySource.KEEPER.load(env);
    }

    /** The keeper's key from a file holding it as hex. */
    public static Signer fromFile(Path file) {
        return KeySource.KEEPER.fromFile(file);
    }

    public String address() {
        return credentials.getAddress();
    }

    /** The signed transaction, hex-encoded for {@code eth_sendRawTransaction}. */
    public String sign(RawTransaction transaction) {
        return Numeric.toHexString(TransactionEncoder.signMessage(transaction, credentials));
    }

    @Override
    public String toString() {
        return "Signer[" + address() + "]";
    }
}
