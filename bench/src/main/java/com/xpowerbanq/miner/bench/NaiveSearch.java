package com.xpowerbanq.miner.bench;

import com.xpowerbanq.miner.pow.LeadingZeros;
import com.xpowerbanq.miner.pow.NonceSearch;
import com.xpowerbanq.miner.pow.Puzzle;
import org.web3j.crypto.Hash;

/**
 * The straightforward way, for comparison: build the 84 bytes, hash them with web3j's keccak256
 * (BouncyCastle underneath), count zeros from the byte array, once per nonce.
 */
final class NaiveSearch implements NonceSearch {

    @Override
    public String name() {
        return "naive-web3j";
    }

    @Override
    public long search(Puzzle puzzle, long from, long count, int level, Finds finds) {
        byte[] input = puzzle.input(from);
        for (long i = 0; i < count; i++) {
            long nonce = from + i;
            for (int b = 0; b < 8; b++) {
                input[76 + b] = (byte) (nonce >>> (56 - 8 * b));
            }
            byte[] hash = Hash.sha3(input);
            int zeros = LeadingZeros.of(hash);
            if (zeros >= level) {
                finds.found(nonce, zeros, hash);
            }
        }
        return count;
    }
}
