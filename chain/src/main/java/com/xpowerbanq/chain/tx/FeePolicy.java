package com.xpowerbanq.chain.tx;

import com.xpowerbanq.chain.rpc.JsonRpcChainClient;
import com.xpowerbanq.chain.rpc.RpcErrorException;
import com.xpowerbanq.schema.cli.ExitCode;
import com.xpowerbanq.schema.cli.ExitStatus;
import java.math.BigInteger;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlock;

/**
 * EIP-1559 fees and gas limit: each is fixed by {@code MAX_FEE_PER_GAS}, {@code
 * MAX_PRIORITY_FEE_PER_GAS}, {@code GAS_LIMIT} (wei and gas, decimal) or, when unset or blank,
 * taken from the provider (priority fee from {@code eth_maxPriorityFeePerGas}, max fee twice the
 * latest base fee plus the priority fee, gas limit from {@code eth_estimateGas} with a margin of
 * {@code marginPercent} (a reindex costs more when time has passed since the last one than the
 * estimate may show)).
 */
public record FeePolicy(
        @Nullable BigInteger maxFeePerGas,
        @Nullable BigInteger maxPriorityFeePerGas,
        @Nullable BigInteger gasLimit,
        int marginPercent) {
    public static final String MAX_FEE_PER_GAS = "MAX_FEE_PER_GAS";
    public static final String MAX_PRIORITY_FEE_PER_GAS = "MAX_PRIORITY_FEE_PER_GAS";
    public static final String GAS_LIMIT = "GAS_LIMIT";

    /** The keeper's margin on a gas estimate. */
    public static final int KEEPER_MARGIN_PERCENT = 50;

    private static final BigInteger MIN_GAS = BigInteger.valueOf(21_000);

    /** Fixed values as given, the keeper's margin on estimates. */
    public FeePolicy(
            @Nullable BigInteger maxFeePerGas,
            @Nullable BigInteger maxPriorityFeePerGas,
            @Nullable BigInteger gasLimit) {
        this(maxFeePerGas, maxPriorityFeePerGas, gasLimit, KEEPER_MARGIN_PERCENT);
    }

    public static FeePolicy automatic() {
        return new FeePolicy(null, null, null);
    }

    /** The settings of {@code env} with the keeper's margin on estimates. */
    public static FeePolicy fromEnvironment(Map<String, String> env) {
        return fromEnvironment(env, KEEPER_MARGIN_PERCENT);
    }

    /** The settings of {@code env}; estimates get {@code marginPercent} more. */
    public static FeePolicy fromEnvironment(Map<String, String> env, int marginPercent) {
        return new FeePolicy(
                whole(env, MAX_FEE_PER_GAS, BigInteger.ZERO),
                whole(env, MAX_PRIORITY_FEE_PER_GAS, BigInteger.ZERO),
                whole(env, GAS_LIMIT, MIN_GAS),
                marginPercent);
    }

    private static @Nullable BigInteger whole(
            Map<String, String> env, String name, BigInteger min) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            BigInteger parsed = new BigInteger(value.strip());
            if (parsed.compareTo(min) >= 0 && parsed.bitLength() <= 256) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new FeeSettingException(
                name,
                name
                        + "="
                        + value.strip()
                        + " is refused: "
                        + name
                        + " must be a whole number of "
                        + (name.equals(GAS_LIMIT) ? "gas units" : "wei")
                        + " of at least "
                        + min
                        + " (or unset for auto)");
    }

    /** The fees for the next transactions: fixed values as set, the rest from the provider. */
    public Fees fees(JsonRpcChainClient chain) {
        BigInteger priority = maxPriorityFeePerGas;
        if (priority == null) {
            priority = providerTip(chain);
        }
        BigInteger maxFee = maxFeePerGas;
        if (maxFee == null) {
            EthBlock.Block latest =
                    chain.request(
                                    "eth_getBlockByNumber(latest)",
                                    w ->
                                            w.ethGetBlockByNumber(
                                                    DefaultBlockParameterName.LATEST, false))
                            .getBlock();
            BigInteger baseFee = latest == null ? null : latest.getBaseFeePerGas();
            maxFee = (baseFee == null ? BigInteger.ZERO : baseFee.shiftLeft(1)).add(priority);
        }
        return new Fees(maxFee, priority.min(maxFee));
    }

    /** The provider's tip; an endpoint that does not know the method gets none. */
    private static BigInteger providerTip(JsonRpcChainClient chain) {
        try {
            return chain.request("eth_maxPriorityFeePerGas", w -> w.ethMaxPriorityFeePerGas())
                    .getMaxPriorityFeePerGas();
        } catch (RpcErrorException e) {
            return BigInteger.ZERO;
        }
    }

    /** The gas limit for a call whose estimate is {@code estimate}: GAS_LIMIT, else with margin. */
    public BigInteger gasLimit(BigInteger estimate) {
        return gasLimit != null
                ? gasLimit
                : estimate.multiply(BigInteger.valueOf(100L + marginPercent))
                        .divide(BigInteger.valueOf(100));
    }

    /** Fees of one transaction, in wei per gas. */
    public record Fees(BigInteger maxFeePerGas, BigInteger maxPriorityFeePerGas) {
        /**
         * The fees of a transaction that replaces this one at its nonce: tip and max fee each at
         * least an eighth higher (nodes take a replacement only when both rose by 10 % or more),
         * and the max fee at least twice {@code baseFee} plus the tip, so that a base fee that rose
         * past the old max fee is paid. A fixed {@code MAX_FEE_PER_GAS} is only the first offer.
         */
        public Fees replacing(BigInteger baseFee) {
            BigInteger tip = raised(maxPriorityFeePerGas);
            BigInteger maxFee = raised(maxFeePerGas).max(baseFee.shiftLeft(1).add(tip));
            return new Fees(maxFee, tip);
        }

        private static BigInteger raised(BigInteger fee) {
            return fee.add(fee.shiftRight(3)).add(BigInteger.ONE);
        }
    }

    /** A fee or gas setting that is not a whole number in range; names the setting. */
    public static final class FeeSettingException extends IllegalArgumentException
            implements ExitStatus {
        private final String setting;

        FeeSettingException(String setting, String message) {
            super(message);
            this.setting = setting;
        }

        public String setting() {
            return setting;
        }

        @Override
        public ExitCode exitCode() {
            return ExitCode.DATA;
        }
    }
}
