package com.xpowerbanq.batch.keeper;

import java.math.BigInteger;

/**
 * The relative delta between an oracle's quote and its feed's quote, as the original CLI computed
 * it: the mean over bid and ask of {@code 2·|a−b| / (a+b)} in 18-digit fixed point (a zero sum
 * counts as no delta).
 */
final class RelativeDelta {
    private static final BigInteger SCALE = BigInteger.TEN.pow(18);

    private RelativeDelta() {}

    static double of(ContractReads.Quote oracle, ContractReads.Quote feed) {
        return (part(feed.bid(), oracle.bid()) + part(feed.ask(), oracle.ask())) / 2;
    }

    private static double part(BigInteger lhs, BigInteger rhs) {
        BigInteger sum = lhs.add(rhs);
        if (sum.signum() == 0) {
            return 0;
        }
        BigInteger fixed = lhs.subtract(rhs).abs().shiftLeft(1).multiply(SCALE).divide(sum);
        return fixed.doubleValue() / SCALE.doubleValue();
    }
}
