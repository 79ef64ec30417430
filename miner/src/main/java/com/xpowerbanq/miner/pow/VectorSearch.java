package com.xpowerbanq.miner.pow;

import static jdk.incubator.vector.VectorOperators.AND;
import static jdk.incubator.vector.VectorOperators.AND_NOT;
import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.REVERSE_BYTES;
import static jdk.incubator.vector.VectorOperators.ROL;
import static jdk.incubator.vector.VectorOperators.XOR;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD hot loop: {@link #SPECIES} nonces per step, one per 64-bit vector lane (8 with AVX-512,
 * 4 with AVX2), otherwise the same computation as {@link ScalarSearch}. Everything is in this one
 * method on purpose: C2 keeps vectors in registers only while no call takes or returns one, and the
 * species must be a constant for it to compile the operations to single instructions.
 */
final class VectorSearch implements NonceSearch {
    static final VectorSpecies<Long> SPECIES = LongVector.SPECIES_PREFERRED;
    private static final long[] RC = Keccak.ROUND_CONSTANTS;

    @Override
    public String name() {
        return "simd-" + SPECIES.length() + "x64";
    }

    @Override
    public int width() {
        return SPECIES.length();
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
        LongVector kb20 = LongVector.broadcast(SPECIES, Long.rotateLeft(k[2] ^ e2, 62));
        LongVector kb11 = LongVector.broadcast(SPECIES, Long.rotateLeft(k[7] ^ e2, 6));
        LongVector kb02 = LongVector.broadcast(SPECIES, Long.rotateLeft(k[12] ^ e2, 43));
        LongVector kb18 = LongVector.broadcast(SPECIES, Long.rotateLeft(k[17] ^ e2, 15));
        LongVector kb09 = LongVector.broadcast(SPECIES, Long.rotateLeft(k[22] ^ e2, 61));
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
        int width = SPECIES.length();
        LongVector offsets = LongVector.zero(SPECIES).addIndex(1);
        long steps = (count + width - 1) / width;
        for (long step = 0; step < steps; step++) {
            long first = from + step * width;
            LongVector reversed = offsets.add(first).lanewise(REVERSE_BYTES);
            LongVector p9 = reversed.lanewise(LSHL, 32);
            LongVector p10 = reversed.lanewise(LSHR, 32);
            LongVector q3 = p9.lanewise(ROL, 1);
            LongVector q4 = p10.lanewise(ROL, 1);
            LongVector f00 = p9.lanewise(XOR, k00);
            LongVector f16 = p9.lanewise(XOR, k05).lanewise(ROL, 36);
            LongVector f07 = p9.lanewise(XOR, p10).lanewise(XOR, k10).lanewise(ROL, 3);
            LongVector f23 = p9.lanewise(XOR, k15).lanewise(ROL, 41);
            LongVector f14 = p9.lanewise(XOR, k20).lanewise(ROL, 18);
            LongVector f10 = p10.lanewise(XOR, k01).lanewise(ROL, 1);
            LongVector f01 = p10.lanewise(XOR, k06).lanewise(ROL, 44);
            LongVector f17 = p10.lanewise(XOR, k11).lanewise(ROL, 10);
            LongVector f08 = p10.lanewise(XOR, k16).lanewise(ROL, 45);
            LongVector f24 = p10.lanewise(XOR, k21).lanewise(ROL, 2);
            LongVector f05 = q3.lanewise(XOR, k03).lanewise(ROL, 28);
            LongVector f21 = q3.lanewise(XOR, k08).lanewise(ROL, 55);
            LongVector f12 = q3.lanewise(XOR, k13).lanewise(ROL, 25);
            LongVector f03 = q3.lanewise(XOR, k18).lanewise(ROL, 21);
            LongVector f19 = q3.lanewise(XOR, k23).lanewise(ROL, 56);
            LongVector f15 = q4.lanewise(XOR, k04).lanewise(ROL, 27);
            LongVector f06 = q4.lanewise(XOR, p9).lanewise(XOR, k09).lanewise(ROL, 20);
            LongVector f22 = q4.lanewise(XOR, k14).lanewise(ROL, 39);
            LongVector f13 = q4.lanewise(XOR, k19).lanewise(ROL, 8);
            LongVector f04 = q4.lanewise(XOR, k24).lanewise(ROL, 14);
            LongVector a00 = f00.lanewise(XOR, kb02.lanewise(AND_NOT, f01)).lanewise(XOR, RC[0]);
            LongVector a01 = f01.lanewise(XOR, f03.lanewise(AND_NOT, kb02));
            LongVector a02 = kb02.lanewise(XOR, f04.lanewise(AND_NOT, f03));
            LongVector a03 = f03.lanewise(XOR, f00.lanewise(AND_NOT, f04));
            LongVector a04 = f04.lanewise(XOR, f01.lanewise(AND_NOT, f00));
            LongVector a05 = f05.lanewise(XOR, f07.lanewise(AND_NOT, f06));
            LongVector a06 = f06.lanewise(XOR, f08.lanewise(AND_NOT, f07));
            LongVector a07 = f07.lanewise(XOR, kb09.lanewise(AND_NOT, f08));
            LongVector a08 = f08.lanewise(XOR, f05.lanewise(AND_NOT, kb09));
            LongVector a09 = kb09.lanewise(XOR, f06.lanewise(AND_NOT, f05));
            LongVector a10 = f10.lanewise(XOR, f12.lanewise(AND_NOT, kb11));
            LongVector a11 = kb11.lanewise(XOR, f13.lanewise(AND_NOT, f12));
            LongVector a12 = f12.lanewise(XOR, f14.lanewise(AND_NOT, f13));
            LongVector a13 = f13.lanewise(XOR, f10.lanewise(AND_NOT, f14));
            LongVector a14 = f14.lanewise(XOR, kb11.lanewise(AND_NOT, f10));
            LongVector a15 = f15.lanewise(XOR, f17.lanewise(AND_NOT, f16));
            LongVector a16 = f16.lanewise(XOR, kb18.lanewise(AND_NOT, f17));
            LongVector a17 = f17.lanewise(XOR, f19.lanewise(AND_NOT, kb18));
            LongVector a18 = kb18.lanewise(XOR, f15.lanewise(AND_NOT, f19));
            LongVector a19 = f19.lanewise(XOR, f16.lanewise(AND_NOT, f15));
            LongVector a20 = kb20.lanewise(XOR, f22.lanewise(AND_NOT, f21));
            LongVector a21 = f21.lanewise(XOR, f23.lanewise(AND_NOT, f22));
            LongVector a22 = f22.lanewise(XOR, f24.lanewise(AND_NOT, f23));
            LongVector a23 = f23.lanewise(XOR, kb20.lanewise(AND_NOT, f24));
            LongVector a24 = f24.lanewise(XOR, f21.lanewise(AND_NOT, kb20));
            for (int round = 1; round < 23; round++) {
                LongVector c0 =
                        a00.lanewise(XOR, a05)
                                .lanewise(XOR, a10)
                                .lanewise(XOR, a15)
                                .lanewise(XOR, a20);
                LongVector c1 =
                        a01.lanewise(XOR, a06)
                                .lanewise(XOR, a11)
                                .lanewise(XOR, a16)
                                .lanewise(XOR, a21);
                LongVector c2 =
                        a02.lanewise(XOR, a07)
                                .lanewise(XOR, a12)
                                .lanewise(XOR, a17)
                                .lanewise(XOR, a22);
                LongVector c3 =
                        a03.lanewise(XOR, a08)
                                .lanewise(XOR, a13)
                                .lanewise(XOR, a18)
                                .lanewise(XOR, a23);
                LongVector c4 =
                        a04.lanewise(XOR, a09)
                                .lanewise(XOR, a14)
                                .lanewise(XOR, a19)
                                .lanewise(XOR, a24);
                LongVector d0 = c4.lanewise(XOR, c1.lanewise(ROL, 1));
                LongVector d1 = c0.lanewise(XOR, c2.lanewise(ROL, 1));
                LongVector d2 = c1.lanewise(XOR, c3.lanewise(ROL, 1));
                LongVector d3 = c2.lanewise(XOR, c4.lanewise(ROL, 1));
                LongVector d4 = c3.lanewise(XOR, c0.lanewise(ROL, 1));
                LongVector b00 = a00.lanewise(XOR, d0);
                LongVector b16 = a05.lanewise(XOR, d0).lanewise(ROL, 36);
                LongVector b07 = a10.lanewise(XOR, d0).lanewise(ROL, 3);
                LongVector b23 = a15.lanewise(XOR, d0).lanewise(ROL, 41);
                LongVector b14 = a20.lanewise(XOR, d0).lanewise(ROL, 18);
                LongVector b10 = a01.lanewise(XOR, d1).lanewise(ROL, 1);
                LongVector b01 = a06.lanewise(XOR, d1).lanewise(ROL, 44);
                LongVector b17 = a11.lanewise(XOR, d1).lanewise(ROL, 10);
                LongVector b08 = a16.lanewise(XOR, d1).lanewise(ROL, 45);
                LongVector b24 = a21.lanewise(XOR, d1).lanewise(ROL, 2);
                LongVector b20 = a02.lanewise(XOR, d2).lanewise(ROL, 62);
                LongVector b11 = a07.lanewise(XOR, d2).lanewise(ROL, 6);
                LongVector b02 = a12.lanewise(XOR, d2).lanewise(ROL, 43);
                LongVector b18 = a17.lanewise(XOR, d2).lanewise(ROL, 15);
                LongVector b09 = a22.lanewise(XOR, d2).lanewise(ROL, 61);
                LongVector b05 = a03.lanewise(XOR, d3).lanewise(ROL, 28);
                LongVector b21 = a08.lanewise(XOR, d3).lanewise(ROL, 55);
                LongVector b12 = a13.lanewise(XOR, d3).lanewise(ROL, 25);
                LongVector b03 = a18.lanewise(XOR, d3).lanewise(ROL, 21);
                LongVector b19 = a23.lanewise(XOR, d3).lanewise(ROL, 56);
                LongVector b15 = a04.lanewise(XOR, d4).lanewise(ROL, 27);
                LongVector b06 = a09.lanewise(XOR, d4).lanewise(ROL, 20);
                LongVector b22 = a14.lanewise(XOR, d4).lanewise(ROL, 39);
                LongVector b13 = a19.lanewise(XOR, d4).lanewise(ROL, 8);
                LongVector b04 = a24.lanewise(XOR, d4).lanewise(ROL, 14);
                a00 = b00.lanewise(XOR, b02.lanewise(AND_NOT, b01)).lanewise(XOR, RC[round]);
                a01 = b01.lanewise(XOR, b03.lanewise(AND_NOT, b02));
                a02 = b02.lanewise(XOR, b04.lanewise(AND_NOT, b03));
                a03 = b03.lanewise(XOR, b00.lanewise(AND_NOT, b04));
                a04 = b04.lanewise(XOR, b01.lanewise(AND_NOT, b00));
                a05 = b05.lanewise(XOR, b07.lanewise(AND_NOT, b06));
                a06 = b06.lanewise(XOR, b08.lanewise(AND_NOT, b07));
                a07 = b07.lanewise(XOR, b09.lanewise(AND_NOT, b08));
                a08 = b08.lanewise(XOR, b05.lanewise(AND_NOT, b09));
                a09 = b09.lanewise(XOR, b06.lanewise(AND_NOT, b05));
                a10 = b10.lanewise(XOR, b12.lanewise(AND_NOT, b11));
                a11 = b11.lanewise(XOR, b13.lanewise(AND_NOT, b12));
                a12 = b12.lanewise(XOR, b14.lanewise(AND_NOT, b13));
                a13 = b13.lanewise(XOR, b10.lanewise(AND_NOT, b14));
                a14 = b14.lanewise(XOR, b11.lanewise(AND_NOT, b10));
                a15 = b15.lanewise(XOR, b17.lanewise(AND_NOT, b16));
                a16 = b16.lanewise(XOR, b18.lanewise(AND_NOT, b17));
                a17 = b17.lanewise(XOR, b19.lanewise(AND_NOT, b18));
                a18 = b18.lanewise(XOR, b15.lanewise(AND_NOT, b19));
                a19 = b19.lanewise(XOR, b16.lanewise(AND_NOT, b15));
                a20 = b20.lanewise(XOR, b22.lanewise(AND_NOT, b21));
                a21 = b21.lanewise(XOR, b23.lanewise(AND_NOT, b22));
                a22 = b22.lanewise(XOR, b24.lanewise(AND_NOT, b23));
                a23 = b23.lanewise(XOR, b20.lanewise(AND_NOT, b24));
                a24 = b24.lanewise(XOR, b21.lanewise(AND_NOT, b20));
            }
            LongVector column0 =
                    a00.lanewise(XOR, a05).lanewise(XOR, a10).lanewise(XOR, a15).lanewise(XOR, a20);
            LongVector column1 =
                    a01.lanewise(XOR, a06).lanewise(XOR, a11).lanewise(XOR, a16).lanewise(XOR, a21);
            LongVector column2 =
                    a02.lanewise(XOR, a07).lanewise(XOR, a12).lanewise(XOR, a17).lanewise(XOR, a22);
            LongVector column3 =
                    a03.lanewise(XOR, a08).lanewise(XOR, a13).lanewise(XOR, a18).lanewise(XOR, a23);
            LongVector column4 =
                    a04.lanewise(XOR, a09).lanewise(XOR, a14).lanewise(XOR, a19).lanewise(XOR, a24);
            LongVector theta0 = column4.lanewise(XOR, column1.lanewise(ROL, 1));
            LongVector theta1 = column0.lanewise(XOR, column2.lanewise(ROL, 1));
            LongVector theta2 = column1.lanewise(XOR, column3.lanewise(ROL, 1));
            LongVector lane00 = a00.lanewise(XOR, theta0);
            LongVector lane01 = a06.lanewise(XOR, theta1).lanewise(ROL, 44);
            LongVector lane02 = a12.lanewise(XOR, theta2).lanewise(ROL, 43);
            LongVector out0 =
                    lane00.lanewise(XOR, lane02.lanewise(AND_NOT, lane01)).lanewise(XOR, RC[23]);
            VectorMask<Long> hits = out0.lanewise(AND, mask).compare(EQ, 0L);
            if (hits.anyTrue()) {
                for (int lane = 0; lane < width; lane++) {
                    if (hits.laneIsSet(lane)) {
                        Keccak.report(puzzle, first + lane, level, finds);
                    }
                }
            }
        }
        return steps * width;
    }
}
