package com.xpowerbanq.batch.index;

import java.math.BigInteger;

/**
 * The quote word of a v10b/v10c {@code Refresh}, unpacked as the original CLI's {@code quote_mru}
 * does: {@code mid = w >> 128}, {@code rel = (w >> 64) & (2^64 − 1)}, {@code utc = (w >> 16) &
 * (2^48 − 1)}.
 */
record PackedQuote(BigInteger mid, BigInteger rel, BigInteger utc) {
    private static final BigInteger MASK_64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final BigInteger MASK_48 = BigInteger.ONE.shiftLeft(48).subtract(BigInteger.ONE);

    static PackedQuote of(BigInteger word) {
        return new PackedQuote(
                word.shiftRight(128),
                word.shiftRight(64).and(MASK_64),
                word.shiftRight(16).and(MASK_48));
    }
}
