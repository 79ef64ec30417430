package com.xpowerbanq.miner.pow;

/**
 * The scalar hot loop: one nonce per step, the 25 Keccak lanes in local {@code long}s. Round 0 uses
 * the lanes precomputed per puzzle (only lanes 9 and 10 depend on the nonce), round 23 computes
 * only lane 0, which is all the leading-zero filter needs; a nonce that passes the filter is hashed
 * in full to count its zeros exactly. Nothing is allocated per nonce.
 */
final class ScalarSearch implements NonceSearch {
    private static final long[] RC = Keccak.ROUND_CONSTANTS;

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public long search(Puzzle puzzle, long from, long count, int level, Finds finds) {
        long[] k = new long[25];
        for (int i = 0; i < Puzzle.RATE_LANES; i++) {
            k[i] = puzzle.lane(i);
        }
        long s0 = k[0] ^ k[5] ^ k[10] ^ k[15] ^ k[20];
        long s1 = k[1] ^ k[6] ^ k[11] ^ k[16] ^ k[21];
        long s2 = k[2] ^ k[7] ^ k[12] ^ k[17] ^ k[22];
        long s3 = k[3] ^ k[8] ^ k[13] ^ k[18] ^ k[23];
        long s4 = k[4] ^ k[9] ^ k[14] ^ k[19] ^ k[24];
        long e0 = s4 ^ Long.rotateLeft(s1, 1);
        long e1 = s0 ^ Long.rotateLeft(s2, 1);
        long e2 = s1 ^ Long.rotateLeft(s3, 1);
        long e3 = s2 ^ Long.rotateLeft(s4, 1);
        long e4 = s3 ^ Long.rotateLeft(s0, 1);
        long k00 = k[0] ^ e0;
        long k05 = k[5] ^ e0;
        long k10 = k[10] ^ e0;
        long k15 = k[15] ^ e0;
        long k20 = k[20] ^ e0;
        long k01 = k[1] ^ e1;
        long k06 = k[6] ^ e1;
        long k11 = k[11] ^ e1;
        long k16 = k[16] ^ e1;
        long k21 = k[21] ^ e1;
        long kb20 = Long.rotateLeft(k[2] ^ e2, 62);
        long kb11 = Long.rotateLeft(k[7] ^ e2, 6);
        long kb02 = Long.rotateLeft(k[12] ^ e2, 43);
        long kb18 = Long.rotateLeft(k[17] ^ e2, 15);
        long kb09 = Long.rotateLeft(k[22] ^ e2, 61);
        long k03 = k[3] ^ e3;
        long k08 = k[8] ^ e3;
        long k13 = k[13] ^ e3;
        long k18 = k[18] ^ e3;
        long k23 = k[23] ^ e3;
        long k04 = k[4] ^ e4;
        long k09 = k[9] ^ e4;
        long k14 = k[14] ^ e4;
        long k19 = k[19] ^ e4;
        long k24 = k[24] ^ e4;
        long mask = LeadingZeros.lane0Mask(level);
        for (long i = 0; i < count; i++) {
            long nonce = from + i;
            long reversed = Long.reverseBytes(nonce);
            long p9 = reversed << 32;
            long p10 = reversed >>> 32;
            long q3 = Long.rotateLeft(p9, 1);
            long q4 = Long.rotateLeft(p10, 1);
            long f00 = p9 ^ k00;
            long f16 = Long.rotateLeft(p9 ^ k05, 36);
            long f07 = Long.rotateLeft((p9 ^ p10) ^ k10, 3);
            long f23 = Long.rotateLeft(p9 ^ k15, 41);
            long f14 = Long.rotateLeft(p9 ^ k20, 18);
            long f10 = Long.rotateLeft(p10 ^ k01, 1);
            long f01 = Long.rotateLeft(p10 ^ k06, 44);
            long f17 = Long.rotateLeft(p10 ^ k11, 10);
            long f08 = Long.rotateLeft(p10 ^ k16, 45);
            long f24 = Long.rotateLeft(p10 ^ k21, 2);
            long f05 = Long.rotateLeft(q3 ^ k03, 28);
            long f21 = Long.rotateLeft(q3 ^ k08, 55);
            long f12 = Long.rotateLeft(q3 ^ k13, 25);
            long f03 = Long.rotateLeft(q3 ^ k18, 21);
            long f19 = Long.rotateLeft(q3 ^ k23, 56);
            long f15 = Long.rotateLeft(q4 ^ k04, 27);
            long f06 = Long.rotateLeft((q4 ^ p9) ^ k09, 20);
            long f22 = Long.rotateLeft(q4 ^ k14, 39);
            long f13 = Long.rotateLeft(q4 ^ k19, 8);
            long f04 = Long.rotateLeft(q4 ^ k24, 14);
            long a00 = f00 ^ (~f01 & kb02) ^ RC[0];
            long a01 = f01 ^ (~kb02 & f03);
            long a02 = kb02 ^ (~f03 & f04);
            long a03 = f03 ^ (~f04 & f00);
            long a04 = f04 ^ (~f00 & f01);
            long a05 = f05 ^ (~f06 & f07);
            long a06 = f06 ^ (~f07 & f08);
            long a07 = f07 ^ (~f08 & kb09);
            long a08 = f08 ^ (~kb09 & f05);
            long a09 = kb09 ^ (~f05 & f06);
            long a10 = f10 ^ (~kb11 & f12);
            long a11 = kb11 ^ (~f12 & f13);
            long a12 = f12 ^ (~f13 & f14);
            long a13 = f13 ^ (~f14 & f10);
            long a14 = f14 ^ (~f10 & kb11);
            long a15 = f15 ^ (~f16 & f17);
            long a16 = f16 ^ (~f17 & kb18);
            long a17 = f17 ^ (~kb18 & f19);
            long a18 = kb18 ^ (~f19 & f15);
            long a19 = f19 ^ (~f15 & f16);
            long a20 = kb20 ^ (~f21 & f22);
            long a21 = f21 ^ (~f22 & f23);
            long a22 = f22 ^ (~f23 & f24);
            long a23 = f23 ^ (~f24 & kb20);
            long a24 = f24 ^ (~kb20 & f21);
            for (int round = 1; round < 23; round++) {
                long c0 = a00 ^ a05 ^ a10 ^ a15 ^ a20;
                long c1 = a01 ^ a06 ^ a11 ^ a16 ^ a21;
                long c2 = a02 ^ a07 ^ a12 ^ a17 ^ a22;
                long c3 = a03 ^ a08 ^ a13 ^ a18 ^ a23;
                long c4 = a04 ^ a09 ^ a14 ^ a19 ^ a24;
                long d0 = c4 ^ Long.rotateLeft(c1, 1);
                long d1 = c0 ^ Long.rotateLeft(c2, 1);
                long d2 = c1 ^ Long.rotateLeft(c3, 1);
                long d3 = c2 ^ Long.rotateLeft(c4, 1);
                long d4 = c3 ^ Long.rotateLeft(c0, 1);
                long b00 = a00 ^ d0;
                long b16 = Long.rotateLeft(a05 ^ d0, 36);
                long b07 = Long.rotateLeft(a10 ^ d0, 3);
                long b23 = Long.rotateLeft(a15 ^ d0, 41);
                long b14 = Long.rotateLeft(a20 ^ d0, 18);
                long b10 = Long.rotateLeft(a01 ^ d1, 1);
                long b01 = Long.rotateLeft(a06 ^ d1, 44);
                long b17 = Long.rotateLeft(a11 ^ d1, 10);
                long b08 = Long.rotateLeft(a16 ^ d1, 45);
                long b24 = Long.rotateLeft(a21 ^ d1, 2);
                long b20 = Long.rotateLeft(a02 ^ d2, 62);
                long b11 = Long.rotateLeft(a07 ^ d2, 6);
                long b02 = Long.rotateLeft(a12 ^ d2, 43);
                long b18 = Long.rotateLeft(a17 ^ d2, 15);
                long b09 = Long.rotateLeft(a22 ^ d2, 61);
                long b05 = Long.rotateLeft(a03 ^ d3, 28);
                long b21 = Long.rotateLeft(a08 ^ d3, 55);
                long b12 = Long.rotateLeft(a13 ^ d3, 25);
                long b03 = Long.rotateLeft(a18 ^ d3, 21);
                long b19 = Long.rotateLeft(a23 ^ d3, 56);
                long b15 = Long.rotateLeft(a04 ^ d4, 27);
                long b06 = Long.rotateLeft(a09 ^ d4, 20);
                long b22 = Long.rotateLeft(a14 ^ d4, 39);
                long b13 = Long.rotateLeft(a19 ^ d4, 8);
                long b04 = Long.rotateLeft(a24 ^ d4, 14);
                a00 = b00 ^ (~b01 & b02) ^ RC[round];
                a01 = b01 ^ (~b02 & b03);
                a02 = b02 ^ (~b03 & b04);
                a03 = b03 ^ (~b04 & b00);
                a04 = b04 ^ (~b00 & b01);
                a05 = b05 ^ (~b06 & b07);
                a06 = b06 ^ (~b07 & b08);
                a07 = b07 ^ (~b08 & b09);
                a08 = b08 ^ (~b09 & b05);
                a09 = b09 ^ (~b05 & b06);
                a10 = b10 ^ (~b11 & b12);
                a11 = b11 ^ (~b12 & b13);
                a12 = b12 ^ (~b13 & b14);
                a13 = b13 ^ (~b14 & b10);
                a14 = b14 ^ (~b10 & b11);
                a15 = b15 ^ (~b16 & b17);
                a16 = b16 ^ (~b17 & b18);
                a17 = b17 ^ (~b18 & b19);
                a18 = b18 ^ (~b19 & b15);
                a19 = b19 ^ (~b15 & b16);
                a20 = b20 ^ (~b21 & b22);
                a21 = b21 ^ (~b22 & b23);
                a22 = b22 ^ (~b23 & b24);
                a23 = b23 ^ (~b24 & b20);
                a24 = b24 ^ (~b20 & b21);
            }
            long column0 = a00 ^ a05 ^ a10 ^ a15 ^ a20;
            long column1 = a01 ^ a06 ^ a11 ^ a16 ^ a21;
            long column2 = a02 ^ a07 ^ a12 ^ a17 ^ a22;
            long column3 = a03 ^ a08 ^ a13 ^ a18 ^ a23;
            long column4 = a04 ^ a09 ^ a14 ^ a19 ^ a24;
            long theta0 = column4 ^ Long.rotateLeft(column1, 1);
            long theta1 = column0 ^ Long.rotateLeft(column2, 1);
            long theta2 = column1 ^ Long.rotateLeft(column3, 1);
            long lane00 = a00 ^ theta0;
            long lane01 = Long.rotateLeft(a06 ^ theta1, 44);
            long lane02 = Long.rotateLeft(a12 ^ theta2, 43);
            long out0 = lane00 ^ (~lane01 & lane02) ^ RC[23];
            if ((out0 & mask) == 0) {
                Keccak.report(puzzle, nonce, level, finds);
            }
        }
        return count;
    }
}
