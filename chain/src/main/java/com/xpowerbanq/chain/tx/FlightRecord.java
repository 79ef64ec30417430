package com.xpowerbanq.chain.tx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * What a process must keep of one duty's transaction in flight to resume it after a crash: the
 * account and chain it was signed for, its nonce and call, its gas limit, the fees and signed bytes
 * of its latest version, and the hash of every version a node took. All versions share the nonce,
 * so at most one of them is ever mined. Written as one JSON string ({@link #serialized()}).
 */
public record FlightRecord(
        long chainId,
        String from,
        BigInteger nonce,
        String to,
        String data,
        BigInteger gasLimit,
        BigInteger maxFeePerGas,
        BigInteger maxPriorityFeePerGas,
        String signed,
        List<String> hashes) {
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public FlightRecord {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(gasLimit, "gasLimit");
        Objects.requireNonNull(maxFeePerGas, "maxFeePerGas");
        Objects.requireNonNull(maxPriorityFeePerGas, "maxPriorityFeePerGas");
        Objects.requireNonNull(signed, "signed");
        hashes = List.copyOf(hashes);
        if (hashes.isEmpty()) {
            throw new IllegalArgumentException(
                    "a transaction in flight has the hash of at least one version a node took");
        }
    }

    /** The fees of the latest version. */
    FeePolicy.Fees fees() {
        return new FeePolicy.Fees(maxFeePerGas, maxPriorityFeePerGas);
    }

    /** This record as one JSON string, for {@link #parse}. */
    public String serialized() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the transaction record: " + e, e);
        }
    }

    /**
     * The record {@link #serialized()} wrote; a string that is not one throws {@link
     * IllegalArgumentException} saying what is wrong with it.
     */
    public static FlightRecord parse(String serialized) {
        try {
            return JSON.readValue(serialized, FlightRecord.class);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "not a record of a transaction in flight: " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root instanceof JsonProcessingException json
                ? json.getOriginalMessage()
                : String.valueOf(root.getMessage());
    }
}
