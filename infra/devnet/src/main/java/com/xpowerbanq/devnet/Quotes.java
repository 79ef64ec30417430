package com.xpowerbanq.devnet;

import com.xpowerbanq.schema.Token;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * Plausible, reproducible market prices: each token's USD price drifts around its starting value by
 * a few waves of days to weeks (a pure function of time, so any range can be replayed). A pair's
 * quote is one whole source token in target units, with a bid/ask spread of 0.5%.
 */
final class Quotes {

    record Quote(BigInteger bid, BigInteger ask) {}

    private static final double DAY = 86_400;
    private static final double[] PERIODS = {9.7 * DAY, 3.1 * DAY, 0.73 * DAY};
    private static final double[] AMPLITUDES = {0.08, 0.04, 0.015};
    private static final double HALF_SPREAD = 0.0025;

    double usd(Token token, long time) {
        if (Layout.stable(token)) {
            // stable coins: a few basis points
            return Layout.usd(token) * (1 + 0.0004 * Math.sin(2 * Math.PI * time / (1.7 * DAY)));
        }
        double log = 0;
        for (int k = 0; k < PERIODS.length; k++) {
            double phase = phase(token.name(), k);
            log += AMPLITUDES[k] * Math.sin(2 * Math.PI * time / PERIODS[k] + phase);
        }
        return Layout.usd(token) * Math.exp(log);
    }

    Quote at(Token source, Token target, long time) {
        double mid = usd(source, time) / usd(target, time);
        BigDecimal unit = BigDecimal.TEN.pow(target.decimals());
        BigDecimal midUnits = new BigDecimal(mid, MathContext.DECIMAL64).multiply(unit);
        BigInteger bid = midUnits.multiply(BigDecimal.valueOf(1 - HALF_SPREAD)).toBigInteger();
        BigInteger ask = midUnits.multiply(BigDecimal.valueOf(1 + HALF_SPREAD)).toBigInteger();
        return new Quote(bid.max(BigInteger.ONE), ask.max(BigInteger.ONE));
    }

    static double phase(String key, int k) {
        int h = (key + "#" + k).hashCode();
        return (h & 0xffff) / 65536.0 * 2 * Math.PI;
    }
}
