package com.xpowerbanq.chain.tx;

import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One duty's transaction between submission and outcome: its nonce and call, the fees and signed
 * bytes of its latest version, the hashes of every version sent (a replacement adds one; whichever
 * is mined is the duty's one effective transaction), and what was done to heal it.
 */
final class Flight {
    final BigInteger nonce;
    final String to;
    final String data;
    final BigInteger gasLimit;
    private final List<String> hashes = new CopyOnWriteArrayList<>();
    private FeePolicy.Fees fees;
    private String signed;
    int rebroadcasts;
    int replacements;
    int gapFills;
    int fillRounds;

    Flight(
            BigInteger nonce,
            String to,
            String data,
            BigInteger gasLimit,
            FeePolicy.Fees fees,
            String signed,
            String hash) {
        this.nonce = nonce;
        this.to = to;
        this.data = data;
        this.gasLimit = gasLimit;
        this.fees = fees;
        this.signed = signed;
        hashes.add(hash);
    }

    /** The flight a record of an earlier process describes, to be awaited again. */
    Flight(FlightRecord record) {
        this(
                record.nonce(),
                record.to(),
                record.data(),
                record.gasLimit(),
                record.fees(),
                record.signed(),
                record.hashes().getFirst());
        hashes.addAll(record.hashes().subList(1, record.hashes().size()));
    }

    /**
     * What a later process needs to resume this flight, signed by {@code from} on {@code chainId}.
     */
    FlightRecord record(long chainId, String from) {
        return new FlightRecord(
                chainId,
                from,
                nonce,
                to,
                data,
                gasLimit,
                fees.maxFeePerGas(),
                fees.maxPriorityFeePerGas(),
                signed,
                hashes());
    }

    List<String> hashes() {
        return List.copyOf(hashes);
    }

    String firstHash() {
        return hashes.getFirst();
    }

    FeePolicy.Fees fees() {
        return fees;
    }

    String signed() {
        return signed;
    }

    /** A version at higher fees was signed; {@code hash} is set once a node took it. */
    void replacedBy(FeePolicy.Fees fees, String signed, String hash) {
        this.fees = fees;
        this.signed = signed;
        hashes.add(hash);
        replacements++;
    }

    /** A version the node refused: the next replacement must offer more than it did. */
    void outbid(FeePolicy.Fees fees) {
        this.fees = fees;
    }

    /** What was tried, for the report: "rebroadcast 1×, replaced 2×, filled 1 gap". */
    String attempts() {
        StringBuilder out = new StringBuilder();
        append(out, rebroadcasts, "rebroadcast " + rebroadcasts + "×");
        append(out, replacements, "replaced " + replacements + "× at higher fees");
        append(out, gapFills, "filled " + gapFills + " nonce gap(s)");
        return out.isEmpty() ? "neither rebroadcast nor replaced" : out.toString();
    }

    private static void append(StringBuilder out, int count, String text) {
        if (count > 0) {
            out.append(out.isEmpty() ? "" : ", ").append(text);
        }
    }
}
