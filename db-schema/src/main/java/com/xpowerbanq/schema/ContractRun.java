package com.xpowerbanq.schema;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The contract runs whose events this build decodes ({@code CONTRACT_RUN}), and how each run's
 * events look: v10a emits {@code Reindex(index_ray, …)} and a {@code (bid, ask, time)} quote tuple;
 * v10b and v10c emit {@code Reindex(index_log, …)} and one packed quote word.
 */
public enum ContractRun {
    V10A("Refresh(address,address,(uint256,uint256,uint256))", TopicHashes.REFRESH_TUPLE),
    V10B("Refresh(address,address,uint256)", TopicHashes.REFRESH_PACKED),
    V10C("Refresh(address,address,uint256)", TopicHashes.REFRESH_PACKED);

    /**
     * The {@code Reindex} signature, the same in every run (only the first word's meaning moves).
     */
    public static final String REINDEX_SIGNATURE = "Reindex(uint256,uint256,uint256)";

    /** keccak256 of {@link #REINDEX_SIGNATURE}. */
    public static final String REINDEX_TOPIC =
            "0x18655c8fee4c50fbe3ae530ba3f2b3a687a572e7d9455a0c98ffc6c615c1cd2a";

    private final String refreshSignature;
    private final String refreshTopic;

    ContractRun(String refreshSignature, String refreshTopic) {
        this.refreshSignature = refreshSignature;
        this.refreshTopic = refreshTopic;
    }

    /**
     * The run named {@code id} ({@code v10a}, …, any case).
     *
     * @throws IllegalArgumentException naming the runs this build decodes
     */
    public static ContractRun of(String id) {
        for (ContractRun run : values()) {
            if (run.id().equalsIgnoreCase(id.strip())) {
                return run;
            }
        }
        throw new IllegalArgumentException(
                "contract run '"
                        + id
                        + "' is not one this build decodes: "
                        + Arrays.stream(values())
                                .map(ContractRun::id)
                                .collect(Collectors.joining(", ")));
    }

    /** The name used in {@code CONTRACT_RUN} and in the registry: {@code v10a}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether the run's {@code Refresh} carries one packed word ({@code mid = w >> 128}, {@code rel
     * = (w >> 64) & (2^64 − 1)}, {@code utc = (w >> 16) & (2^48 − 1)}) rather than a (bid, ask,
     * time) tuple, and its {@code Reindex} an {@code index_log} rather than an {@code index_ray}.
     */
    public boolean packed() {
        return this != V10A;
    }

    /** The run's {@code Refresh} event signature. */
    public String refreshSignature() {
        return refreshSignature;
    }

    /** keccak256 of {@link #refreshSignature()}: the first topic of the run's Refresh logs. */
    public String refreshTopic() {
        return refreshTopic;
    }

    /** The first topics, precomputed so that the schema jar needs no hashing library. */
    private static final class TopicHashes {
        static final String REFRESH_TUPLE =
                "0x8a243ce5bc2b04a9eca71bb03f220f1fcf05243772f0e589eca6e69e6c91d1d3";
        static final String REFRESH_PACKED =
                "0x6388bc5bf9da0fef8880f20ca5355e721c80037d6449b03917900238ffcca24f";
    }
}
