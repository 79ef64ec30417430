package com.xpowerbanq.miner.pow;

/**
 * Plain Keccak-256 over one block (input up to 135 bytes), loop-based, for the rare full hash of a
 * nonce that passed the filter and as an independent check of the unrolled search loops.
 */
final class Keccak {
    static final long[] ROUND_CONSTANTS = {
        0x0000000000000001L, 0x0000000000008082L, 0x800000000000808aL, 0x8000000080008000L,
        0x000000000000808bL, 0x0000000080000001L, 0x8000000080008081L, 0x8000000000008009L,
        0x000000000000008aL, 0x0000000000000088L, 0x0000000080008009L, 0x000000008000000aL,
        0x000000008000808bL, 0x800000000000008bL, 0x8000000000008089L, 0x8000000000008003L,
        0x8000000000008002L, 0x8000000000000080L, 0x000000000000800aL, 0x800000008000000aL,
        0x8000000080008081L, 0x8000000000008080L, 0x0000000080000001L, 0x8000000080008008L
    };

    /** Rotation of lane x + 5y. */
    private static final int[] ROTATIONS = {
        0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14
    };

    private static final int RATE = 136;

    private Keccak() {}

    /** Keccak-256 (the Ethereum variant, padding 0x01) of a message shorter than one block. */
    static byte[] hash(byte[] message) {
        if (message.length >= RATE) {
            throw new IllegalArgumentException(
                    "message of " + message.length + " bytes > one block");
        }
        byte[] block = new byte[RATE];
        System.arraycopy(message, 0, block, 0, message.length);
        block[message.length] ^= 0x01;
        block[RATE - 1] ^= (byte) 0x80;
        long[] state = new long[25];
        for (int i = 0; i < RATE / 8; i++) {
            for (int b = 7; b >= 0; b--) {
                state[i] = (state[i] << 8) | (block[8 * i + b] & 0xffL);
            }
        }
        permute(state);
        byte[] hash = new byte[32];
        for (int i = 0; i < 32; i++) {
            hash[i] = (byte) (state[i / 8] >>> (8 * (i % 8)));
        }
        return hash;
    }

    static void permute(long[] a) {
        long[] c = new long[5];
        long[] b = new long[25];
        for (long rc : ROUND_CONSTANTS) {
            // theta
            for (int x = 0; x < 5; x++) {
                c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
            }
            for (int x = 0; x < 5; x++) {
                long d = c[(x + 4) % 5] ^ Long.rotateLeft(c[(x + 1) % 5], 1);
                for (int y = 0; y < 25; y += 5) {
                    a[x + y] ^= d;
                }
            }
            // rho and pi: (x, y) moves to (y, 2x + 3y)
            for (int x = 0; x < 5; x++) {
                for (int y = 0; y < 5; y++) {
                    b[y + 5 * ((2 * x + 3 * y) % 5)] =
                            Long.rotateLeft(a[x + 5 * y], ROTATIONS[x + 5 * y]);
                }
            }
            // chi
            for (int y = 0; y < 25; y += 5) {
                for (int x = 0; x < 5; x++) {
                    a[x + y] = b[x + y] ^ (~b[(x + 1) % 5 + y] & b[(x + 2) % 5 + y]);
                }
            }
            // iota
            a[0] ^= rc;
        }
    }

    /** Hashes a filtered nonce in full and passes it on when it really reaches the level. */
    static void report(Puzzle puzzle, long nonce, int level, NonceSearch.Finds finds) {
        byte[] hash = hash(puzzle.input(nonce));
        int zeros = LeadingZeros.of(hash);
        if (zeros >= level) {
            finds.found(nonce, zeros, hash);
        }
    }
}
