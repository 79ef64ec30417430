package com.xpowerbanq.miner.pow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.web3j.crypto.Hash;

class NonceSearchTest {

    record Find(long nonce, int zeros, String hash) {}

    static Stream<NonceSearch> searches() {
        return VectorSupport.available()
                ? Stream.of(NonceSearch.scalar(), VectorSupport.search())
                : Stream.of(NonceSearch.scalar());
    }

    @ParameterizedTest
    @MethodSource("searches")
    void findsExactlyTheNoncesWhoseWeb3jHashReachesTheLevel(NonceSearch search) {
        Random random = new Random(5);
        for (int round = 0; round < 24; round++) {
            // given a random puzzle, a random anchor (sometimes at the 64-bit wrap) and a level
            Puzzle puzzle = PuzzleTest.randomPuzzle(random);
            long from = round % 10 == 0 ? -37 : random.nextLong();
            int level = 1 + round % 2; // 1 in 16 and 1 in 256 nonces pass
            long count = 2_000 + round;

            // when
            List<Find> found = new ArrayList<>();
            long hashed =
                    search.search(
                            puzzle,
                            from,
                            count,
                            level,
                            (nonce, zeros, hash) -> found.add(find(nonce, zeros, hash)));

            // then: the same set as hashing every nonce the straightforward way
            List<Find> expected = new ArrayList<>();
            for (long i = 0; i < hashed; i++) {
                byte[] hash = Hash.sha3(puzzle.input(from + i));
                int zeros = LeadingZeros.of(hash);
                if (zeros >= level) {
                    expected.add(find(from + i, zeros, hash));
                }
            }
            assertThat(hashed).isGreaterThanOrEqualTo(count).isLessThan(count + search.width());
            assertThat(found).isEqualTo(expected).isNotEmpty();
        }
    }

    @Test
    void fastestIsTheSimdSearchWhereTheVectorApiIsPresent() {
        assumeTrue(VectorSupport.available(), "needs --add-modules jdk.incubator.vector");
        assertThat(NonceSearch.fastest().name()).startsWith("simd-");
        assertThat(NonceSearch.fastest().width()).isGreaterThanOrEqualTo(4);
    }

    private static Find find(long nonce, int zeros, byte[] hash) {
        return new Find(nonce, zeros, org.web3j.utils.Numeric.toHexString(hash));
    }
}
