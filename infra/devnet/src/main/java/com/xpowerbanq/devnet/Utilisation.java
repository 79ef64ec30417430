package com.xpowerbanq.devnet;

import com.xpowerbanq.schema.Pool;
import com.xpowerbanq.schema.Token;
import java.math.BigInteger;

/**
 * Plausible, reproducible utilisation of a token in a pool: a level per pool and token between 35%
 * and 75% with weekly and daily swings, kept in [2%, 97%]; a pure function of time.
 */
final class Utilisation {

    private static final double DAY = 86_400;

    double fraction(Pool pool, Token token, long time) {
        String key = pool.id() + ":" + token.name();
        double base = 0.35 + 0.40 * ((key.hashCode() & 0xffff) / 65536.0);
        double u =
                base
                        + 0.15 * Math.sin(2 * Math.PI * time / (5.3 * DAY) + Quotes.phase(key, 0))
                        + 0.06 * Math.sin(2 * Math.PI * time / (1.1 * DAY) + Quotes.phase(key, 1));
        return Math.max(0.02, Math.min(0.97, u));
    }

    /** As a wad (1e18 = 100%), rounded to 1e12 so values read well. */
    BigInteger at(Pool pool, Token token, long time) {
        long micro = Math.round(fraction(pool, token, time) * 1_000_000);
        return BigInteger.valueOf(micro).multiply(BigInteger.TEN.pow(12));
    }
}
