package com.xpowerbanq.chain.tx;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one look at the chain found about a transaction whose receipt has not come: the account's
 * mined and pending counts, whether one of our transactions for the nonce is in a block ({@code
 * minedHash}) or at least known to the node, the next block's base fee against our max fee, and the
 * nonces below ours that block it and that no sender of this process awaits ({@code orphans}).
 * {@link #remedies} decides what to do about it.
 */
public record ChainLook(
        BigInteger nonce,
        BigInteger mined,
        BigInteger pending,
        @Nullable String minedHash,
        boolean known,
        @Nullable BigInteger baseFee,
        BigInteger maxFee,
        List<BigInteger> orphans) {

    /** One thing to do about a transaction that is not coming. */
    public enum Remedy {
        /** One of ours is in a block: its receipt will come, keep polling. */
        AWAIT_RECEIPT,
        /** Another transaction took the nonce: ours will never be mined, the duty is re-checked. */
        TAKEN,
        /** The node lost ours: send the same signed bytes again. */
        REBROADCAST,
        /** Sign it again at the same nonce with higher fees, so one of the two is mined at most. */
        REPLACE,
        /** Fill the orphaned nonces below ours with zero-value self-transfers. */
        FILL_GAPS,
        /** Ours waits behind nonces other senders of this process are healing. */
        WAIT
    }

    /** What to do, in order; {@code rebroadcast} says whether the same bytes were sent again. */
    public List<Remedy> remedies(boolean rebroadcast) {
        if (minedHash != null) {
            return List.of(Remedy.AWAIT_RECEIPT);
        }
        if (mined.compareTo(nonce) > 0) {
            return List.of(Remedy.TAKEN);
        }
        List<Remedy> remedies = new ArrayList<>();
        if (!orphans.isEmpty()) {
            remedies.add(Remedy.FILL_GAPS);
        }
        if (!known) {
            remedies.add(rebroadcast || underpriced() ? Remedy.REPLACE : Remedy.REBROADCAST);
        } else if (underpriced() || mined.equals(nonce)) {
            // first in line and still not mined: the fee is what keeps it out
            remedies.add(Remedy.REPLACE);
        }
        if (remedies.isEmpty()) {
            remedies.add(Remedy.WAIT);
        }
        return List.copyOf(remedies);
    }

    /** The next block's base fee exceeds what ours offers. */
    public boolean underpriced() {
        return baseFee != null && baseFee.compareTo(maxFee) > 0;
    }

    /** What the chain says, for an operator: counts, where ours is, fees, gaps. */
    public String describe() {
        StringBuilder out =
                new StringBuilder("the account's mined nonce count is ")
                        .append(mined)
                        .append(" (pending ")
                        .append(pending)
                        .append("); ours (nonce ")
                        .append(nonce)
                        .append(") is ");
        if (minedHash != null) {
            out.append("in a block (").append(minedHash).append(")");
        } else if (mined.compareTo(nonce) > 0) {
            out.append("not in a block: another transaction took its nonce");
        } else {
            out.append(known ? "waiting in the node's pool" : "unknown to the node");
        }
        if (underpriced()) {
            out.append("; the base fee ")
                    .append(baseFee)
                    .append(" wei is above our max fee ")
                    .append(maxFee)
                    .append(" wei");
        }
        if (!orphans.isEmpty()) {
            out.append("; nonces ").append(orphans).append(" before it are missing");
        } else if (mined.compareTo(nonce) < 0) {
            out.append("; it waits behind nonces ")
                    .append(mined)
                    .append("..")
                    .append(nonce.subtract(BigInteger.ONE));
        }
        return out.toString();
    }
}
