package com.xpowerbanq.miner.mine;

import com.xpowerbanq.chain.tx.RevertReason;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.web3j.protocol.core.Response;

/**
 * Why the XPOW contract refused a mint, from the reason {@link RevertReason} reads: the v10a custom
 * errors or the older string reasons.
 */
enum Revert {
    EXPIRED("ExpiredBlockHash", "expired block-hash"),
    DUPLICATE("DuplicatePairIndex", "duplicate nonce-hash"),
    EMPTY("EmptyNonceHash", "empty nonce-hash"),
    OTHER("", "");

    private final String error;
    private final String reason;

    Revert(String error, String reason) {
        this.error = error;
        this.reason = reason;
    }

    /** The label used in JSON lines. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind of a reason in words, as {@link RevertReason#describe} gives it. */
    static Revert ofReason(String described) {
        for (Revert revert : values()) {
            if (revert != OTHER
                    && (described.contains(revert.error) || described.contains(revert.reason))) {
                return revert;
            }
        }
        return OTHER;
    }

    /** The kind of a JSON-RPC error: its data, else its message. */
    static Revert of(Response.@Nullable Error error) {
        if (error == null) {
            return OTHER;
        }
        return ofReason(RevertReason.describe(error.getData(), error.getMessage()));
    }
}
