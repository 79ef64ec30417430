package com.xpowerbanq.miner.pow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

class KeccakTest {

    @Test
    void hashesKnownVectors() {
        // given the Keccak-256 of the empty message, as Ethereum uses it
        String empty = "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470";

        // when / then
        assertThat(Numeric.toHexStringNoPrefix(Keccak.hash(new byte[0]))).isEqualTo(empty);
        assertThat(Keccak.hash("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(Hash.sha3("abc".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void hashesEveryLengthOfOneBlockLikeWeb3j() {
        Random random = new Random(1);
        for (int length = 0; length < 136; length++) {
            byte[] message = new byte[length];
            random.nextBytes(message);
            assertThat(Keccak.hash(message)).as("length %d", length).isEqualTo(Hash.sha3(message));
        }
    }

    @Test
    void hashesRandomPuzzleInputsLikeWeb3j() {
        Random random = new Random(2);
        for (int i = 0; i < 2_000; i++) {
            Puzzle puzzle = PuzzleTest.randomPuzzle(random);
            byte[] input = puzzle.input(random.nextLong());
            assertThat(input).hasSize(Puzzle.INPUT_LENGTH);
            assertThat(Keccak.hash(input)).isEqualTo(Hash.sha3(input));
        }
    }
}
