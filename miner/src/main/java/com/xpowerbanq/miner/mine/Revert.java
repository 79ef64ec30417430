package com.xpowerbanq.miner.mine;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.Response;

/**
 * Why the XPOW contract refused a mint, read from the revert data: the v10a custom errors or the
 * older string reasons.
 */
enum Revert {
    EXPIRED("ExpiredBlockHash(bytes32)", "expired block-hash"),
    DUPLICATE("DuplicatePairIndex(bytes32)", "duplicate nonce-hash"),
    EMPTY("EmptyNonceHash(bytes32)", "empty nonce-hash"),
    OTHER("", "");

    private final String selector;
    private final String reason;

    Revert(String signature, String reason) {
        this.selector = signature.isEmpty() ? "" : Hash.sha3String(signature).substring(0, 10);
        this.reason = reason;
    }

    /** The label used in JSON lines. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Revert of(Response.@Nullable Error error) {
        if (error == null) {
            return OTHER;
        }
        // web3j keeps the raw JSON of "data": a quoted hex string, or an object around it
        String data =
                error.getData() == null
                        ? ""
                        : error.getData().replace("\"", "").toLowerCase(Locale.ROOT);
        String message = error.getMessage() == null ? "" : error.getMessage();
        for (Revert revert : values()) {
            if (revert == OTHER) {
                continue;
            }
            if (data.contains(revert.selector)
                    || message.contains(revert.reason)
                    || message.contains(revert.selector)
                    || data.contains(hex(revert.reason))) {
                return revert;
            }
        }
        return OTHER;
    }

    private static String hex(String text) {
        StringBuilder hex = new StringBuilder();
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.US_ASCII)) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }
}
