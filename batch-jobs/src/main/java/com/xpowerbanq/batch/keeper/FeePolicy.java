package com.xpowerbanq.batch.keeper;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlock;

/**
 * EIP-1559 fees and gas limit: each is fixed by {@code MAX_FEE_PER_GAS}, {@code
 * MAX_PRIORITY_FEE_PER_GAS}, {@code GAS_LIMIT} (wei, decimal) or, when unset, taken from the
 * provider (priority fee from {@code eth_maxPriorityFeePerGas}, max fee twice the latest base fee
 * plus the priority fee, gas limit from {@code eth_estimateGas} with a 50% margin (a reindex costs
 * more when time has passed since the last one than the estimate may show)).
 */
public record FeePolicy(
        @Nullable BigInteger maxFeePerGas,
        @Nullable BigInteger maxPriorityFeePerGas,
        @Nullable BigInteger gasLimit) {
    public static final String MAX_FEE_PER_GAS = "MAX_FEE_PER_GAS";
    public static final String MAX_PRIORITY_FEE_PER_GAS = "MAX_PRIORITY_FEE_PER_GAS";
    public static final String GAS_LIMIT = "GAS_LIMIT";

    public static FeePolicy automatic() {
        return new FeePolicy(null, null, null);
    }

    public static FeePolicy fromEnvironment(Map<String, String> env) {
        return new FeePolicy(
                wei(env, MAX_FEE_PER_GAS), wei(env, MAX_PRIORITY_FEE_PER_GAS), wei(env, GAS_LIMIT));
    }

    private static @Nullable BigInteger wei(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            BigInteger parsed = new BigInteger(value.strip());
            if (parsed.signum() <= 0) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    name + "=" + value + " is not a positive whole number (wei, decimal)");
        }
    }

    /** The fees for the next transactions: fixed values as set, the rest from the provider. */
    public Fees fees(Web3j web3j) throws IOException {
        BigInteger priority = maxPriorityFeePerGas;
        if (priority == null) {
            priority = web3j.ethMaxPriorityFeePerGas().send().getMaxPriorityFeePerGas();
        }
        BigInteger maxFee = maxFeePerGas;
        if (maxFee == null) {
            EthBlock.Block latest =
                    web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)
                            .send()
                            .getBlock();
            BigInteger baseFee = latest == null ? null : latest.getBaseFeePerGas();
            maxFee = (baseFee == null ? BigInteger.ZERO : baseFee.shiftLeft(1)).add(priority);
        }
        if (priority.compareTo(maxFee) > 0) {
            priority = maxFee;
        }
        return new Fees(maxFee, priority);
    }

    /**
     * The gas limit for a call whose estimate is {@code estimate}: GAS_LIMIT, else 1.5 × estimate.
     */
    public BigInteger gasLimit(BigInteger estimate) {
        return gasLimit != null
                ? gasLimit
                : estimate.multiply(BigInteger.valueOf(3)).divide(BigInteger.TWO);
    }

    /** Fees of one transaction, in wei per gas. */
    public record Fees(BigInteger maxFeePerGas, BigInteger maxPriorityFeePerGas) {}
}
