package com.xpowerbanq.miner.pow;

import java.util.Arrays;

/**
 * The proof-of-work input of one (contract, beneficiary, block hash) for a search: {@code
 * bytes20(xpow ^ to) ++ blockHash ++ data}, where {@code data} is 32 bytes, a 24-byte salt followed
 * by the 8-byte big-endian nonce (the nonce sits at the very end, as the original WebAssembly miner
 * places it). The 84 bytes fit one Keccak-256 block, so the padded block is kept as 17 lanes with
 * the nonce bytes zero; only lanes 9 and 10 change per nonce.
 */
public final class Puzzle {
    /** Bytes of the hashed input. */
    public static final int INPUT_LENGTH = 84;

    /** Bytes of the {@code data} argument of {@code mint}. */
    public static final int DATA_LENGTH = 32;

    /** Bytes of the salt in front of the nonce in {@code data}. */
    public static final int SALT_LENGTH = 24;

    static final int RATE_LANES = 17;

    private final byte[] key;
    private final byte[] blockHash;
    private final byte[] salt;
    private final long[] lanes;

    private Puzzle(byte[] key, byte[] blockHash, byte[] salt) {
        this.key = key;
        this.blockHash = blockHash;
        this.salt = salt;
        this.lanes = padded(input(key, blockHash, salt, 0L));
    }

    /**
     * @param xpow the XPOW contract address (20 bytes)
     * @param to the beneficiary (20 bytes)
     * @param blockHash the block hash the contract cached for the interval (32 bytes)
     * @param salt 24 bytes in front of the nonce in {@code data}
     */
    public static Puzzle of(byte[] xpow, byte[] to, byte[] blockHash, byte[] salt) {
        require(xpow, 20, "contract address");
        require(to, 20, "beneficiary address");
        require(blockHash, 32, "block hash");
        require(salt, SALT_LENGTH, "salt");
        byte[] key = new byte[20];
        for (int i = 0; i < 20; i++) {
            key[i] = (byte) (xpow[i] ^ to[i]);
        }
        return new Puzzle(key, blockHash.clone(), salt.clone());
    }

    /** The {@code data} argument of {@code mint} for a nonce: salt ++ big-endian nonce. */
    public byte[] data(long nonce) {
        byte[] data = new byte[DATA_LENGTH];
        System.arraycopy(salt, 0, data, 0, SALT_LENGTH);
        putLong(data, SALT_LENGTH, nonce);
        return data;
    }

    /** The 84 hashed bytes for a nonce. */
    public byte[] input(long nonce) {
        return input(key, blockHash, salt, nonce);
    }

    public byte[] blockHash() {
        return blockHash.clone();
    }

    /** Lane {@code i} (0..16) of the padded block with the nonce bytes zero. */
    long lane(int i) {
        return lanes[i];
    }

    /** Lane 9 of the block for a nonce: salt bytes 20..23 low, nonce bytes 0..3 high. */
    static long lane9(long base, long nonce) {
        return base | (Long.reverseBytes(nonce) << 32);
    }

    /** Lane 10 of the block for a nonce: nonce bytes 4..7 low, then the 0x01 padding byte. */
    static long lane10(long base, long nonce) {
        return base | (Long.reverseBytes(nonce) >>> 32);
    }

    private static byte[] input(byte[] key, byte[] blockHash, byte[] salt, long nonce) {
        byte[] input = new byte[INPUT_LENGTH];
        System.arraycopy(key, 0, input, 0, 20);
        System.arraycopy(blockHash, 0, input, 20, 32);
        System.arraycopy(salt, 0, input, 52, SALT_LENGTH);
        putLong(input, 76, nonce);
        return input;
    }

    private static long[] padded(byte[] input) {
        byte[] block = Arrays.copyOf(input, RATE_LANES * 8);
        block[INPUT_LENGTH] = 0x01;
        block[block.length - 1] |= (byte) 0x80;
        long[] lanes = new long[RATE_LANES];
        for (int i = 0; i < RATE_LANES; i++) {
            long lane = 0;
            for (int b = 7; b >= 0; b--) {
                lane = (lane << 8) | (block[8 * i + b] & 0xffL);
            }
            lanes[i] = lane;
        }
        return lanes;
    }

    private static void putLong(byte[] target, int offset, long value) {
        for (int i = 0; i < 8; i++) {
            target[offset + i] = (byte) (value >>> (56 - 8 * i));
        }
    }

    private static void require(byte[] bytes, int length, String what) {
        if (bytes == null || bytes.length != length) {
            throw new IllegalArgumentException(
                    what
                            + " must be "
                            + length
                            + " bytes, got "
                            + (bytes == null ? "none" : bytes.length));
        }
    }
}
