package com.xpowerbanq.miner.pow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.web3j.utils.Numeric;

class PuzzleTest {

    static Puzzle randomPuzzle(Random random) {
        return Puzzle.of(
                bytes(random, 20), bytes(random, 20), bytes(random, 32), bytes(random, 24));
    }

    static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    @Test
    void inputIsXorOfAddressesThenBlockHashThenSaltThenBigEndianNonce() {
        // given
        byte[] xpow = Numeric.hexStringToByteArray("0x" + "11".repeat(20));
        byte[] to = Numeric.hexStringToByteArray("0x" + "22".repeat(20));
        byte[] blockHash = Numeric.hexStringToByteArray("0x" + "ab".repeat(32));
        byte[] salt = Numeric.hexStringToByteArray("0x" + "cd".repeat(24));
        Puzzle puzzle = Puzzle.of(xpow, to, blockHash, salt);

        // when
        byte[] input = puzzle.input(0x0102030405060708L);

        // then
        assertThat(Numeric.toHexStringNoPrefix(input))
                .isEqualTo(
                        "33".repeat(20) + "ab".repeat(32) + "cd".repeat(24) + "0102030405060708");
        assertThat(Numeric.toHexStringNoPrefix(puzzle.data(0x0102030405060708L)))
                .isEqualTo("cd".repeat(24) + "0102030405060708");
    }

    @Test
    void paddedLanesOfNonceZeroMatchTheBlockWithTheNonceLanesAdded() {
        Random random = new Random(3);
        Puzzle puzzle = randomPuzzle(random);
        long nonce = random.nextLong();
        byte[] input = puzzle.input(nonce);
        long lane9 = littleEndian(input, 72);
        long lane10 = littleEndian(java.util.Arrays.copyOf(input, 88), 80) | (1L << 32);
        assertThat(Puzzle.lane9(puzzle.lane(9), nonce)).isEqualTo(lane9);
        assertThat(Puzzle.lane10(puzzle.lane(10), nonce)).isEqualTo(lane10);
        assertThat(puzzle.lane(16)).isEqualTo(0x80L << 56);
    }

    @Test
    void rejectsWrongSizes() {
        assertThatThrownBy(() -> Puzzle.of(new byte[19], new byte[20], new byte[32], new byte[24]))
                .hasMessageContaining("contract address must be 20 bytes");
        assertThatThrownBy(() -> Puzzle.of(new byte[20], new byte[20], new byte[31], new byte[24]))
                .hasMessageContaining("block hash must be 32 bytes");
    }

    private static long littleEndian(byte[] bytes, int offset) {
        long lane = 0;
        for (int b = 7; b >= 0; b--) {
            lane = (lane << 8) | (bytes[offset + b] & 0xffL);
        }
        return lane;
    }
}
