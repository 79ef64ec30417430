package com.xpowerbanq.devnet;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The contract runs the devnet emulates, and how each writes its events: v10a emits {@code
 * Reindex(index_ray, …)} and {@code Refresh(source, target, (bid, ask, time))}; v10b and v10c emit
 * {@code Reindex(index_log, …)} and {@code Refresh(source, target, uint256 quote)} with the quote
 * packed. Their calls (reindex, retwap, refreshed, getFeed, getQuotes, supplyOf, borrowOf) are the
 * same.
 */
public enum EmulatedRun {
    V10A("Oracle", false),
    V10B("PackedOracle", true),
    V10C("PackedOracle", true);

    /** The run a devnet emulates unless told otherwise. */
    public static final EmulatedRun DEFAULT = V10A;

    private final String oracleArtifact;
    private final boolean packed;

    EmulatedRun(String oracleArtifact, boolean packed) {
        this.oracleArtifact = oracleArtifact;
        this.packed = packed;
    }

    /** The name in registries and {@code CONTRACT_RUN}: "v10a". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether positions keep and emit the index as its logarithm and oracles pack their quotes. */
    public boolean packed() {
        return packed;
    }

    /** The signature of the positions' Reindex event. */
    public String reindexEvent() {
        return "Reindex(uint256,uint256,uint256)";
    }

    /** The signature of the oracles' Refresh event; its topic differs between the kinds. */
    public String refreshEvent() {
        return packed
                ? "Refresh(address,address,uint256)"
                : "Refresh(address,address,(uint256,uint256,uint256))";
    }

    String oracleArtifact() {
        return oracleArtifact;
    }

    /** The run named "v10a", "v10b" or "v10c" (any case). */
    public static EmulatedRun of(String id) {
        for (EmulatedRun run : values()) {
            if (run.id().equalsIgnoreCase(id.strip())) {
                return run;
            }
        }
        throw new IllegalArgumentException(
                "unknown contract run '" + id + "'; the devnet emulates " + ids());
    }

    /** "v10a, v10b, v10c". */
    public static String ids() {
        return Arrays.stream(values()).map(EmulatedRun::id).collect(Collectors.joining(", "));
    }
}
