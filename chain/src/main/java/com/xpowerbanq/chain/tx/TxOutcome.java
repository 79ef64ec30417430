package com.xpowerbanq.chain.tx;

import java.math.BigInteger;
import org.jspecify.annotations.Nullable;

/**
 * What became of one keeper transaction: confirmed with its gas, or why not (a revert with its
 * reason, out of gas, insufficient funds, replaced, dropped, or refused by the provider); a
 * confirmed one knows its block.
 */
public record TxOutcome(
        Status status,
        @Nullable String hash,
        @Nullable BigInteger nonce,
        @Nullable BigInteger gasUsed,
        String detail,
        @Nullable BigInteger block) {

    /** An outcome with no block: the transaction was not mined, or its block is not needed. */
    public TxOutcome(
            Status status,
            @Nullable String hash,
            @Nullable BigInteger nonce,
            @Nullable BigInteger gasUsed,
            String detail) {
        this(status, hash, nonce, gasUsed, detail, null);
    }

    public enum Status {
        CONFIRMED,
        REVERTED,
        OUT_OF_GAS,
        INSUFFICIENT_FUNDS,
        REPLACED,
        DROPPED,
        /** In a block, but the node gave no receipt before the deadline. */
        UNCONFIRMED,
        REJECTED
    }

    public boolean confirmed() {
        return status == Status.CONFIRMED;
    }

    static TxOutcome notSent(Status status, String detail) {
        return new TxOutcome(status, null, null, null, detail);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(status.name().toLowerCase(java.util.Locale.ROOT));
        if (hash != null) {
            out.append(" tx ").append(hash);
        }
        if (nonce != null) {
            out.append(" nonce ").append(nonce);
        }
        if (gasUsed != null) {
            out.append(" gas ").append(gasUsed);
        }
        if (!detail.isEmpty()) {
            out.append(": ").append(detail);
        }
        return out.toString();
    }
}
