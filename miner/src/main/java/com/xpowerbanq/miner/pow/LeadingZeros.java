package com.xpowerbanq.miner.pow;

/**
 * Leading zero hex digits of a Keccak-256 hash, the contract's {@code zeros} (64 for a zero hash).
 * The hash is read as 32 big-endian bytes; its first lane holds bytes 0..7 little-endian.
 */
public final class LeadingZeros {
    private LeadingZeros() {}

    /** Zeros of a hash given as its first four lanes. */
    public static int of(long lane0, long lane1, long lane2, long lane3) {
        int zeros = 0;
        for (long lane : new long[] {lane0, lane1, lane2, lane3}) {
            long bigEndian = Long.reverseBytes(lane);
            if (bigEndian != 0) {
                return zeros + Long.numberOfLeadingZeros(bigEndian) / 4;
            }
            zeros += 16;
        }
        return zeros;
    }

    /** Zeros of a hash given as 32 bytes. */
    public static int of(byte[] hash) {
        int zeros = 0;
        for (byte b : hash) {
            if (b != 0) {
                return (b & 0xf0) == 0 ? zeros + 1 : zeros;
            }
            zeros += 2;
        }
        return zeros;
    }

    /**
     * The bits of lane 0 that must be zero for at least {@code level} zeros, capped at the 16
     * digits that lane 0 holds: a filter that every hash passing the level also passes.
     */
    static long lane0Mask(int level) {
        long mask = 0;
        for (int digit = 0; digit < Math.min(level, 16); digit++) {
            int shift = 8 * (digit / 2) + (digit % 2 == 0 ? 4 : 0);
            mask |= 0xfL << shift;
        }
        return mask;
    }
}
