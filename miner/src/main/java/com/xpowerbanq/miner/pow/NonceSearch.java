package com.xpowerbanq.miner.pow;

/**
 * Hashes a range of nonces of a {@link Puzzle} and reports those whose hash has at least {@code
 * level} leading zero hex digits. Implementations keep no state between calls, so one instance
 * serves every worker.
 */
public interface NonceSearch {

    /** Receives a nonce whose hash passed the level, with its exact zeros and its hash. */
    @FunctionalInterface
    interface Finds {
        void found(long nonce, int zeros, byte[] hash);
    }

    /** Short label for benchmarks and logs, e.g. {@code simd-8x64}. */
    String name();

    /** Nonces hashed per step: one, unless the search hashes lanes side by side. */
    default int width() {
        return 1;
    }

    /**
     * Hashes the nonces {@code from, from + 1, ...} (wrapping as unsigned 64-bit), at least {@code
     * count} of them, rounded up to a multiple of {@link #width()}.
     *
     * @return the number of nonces hashed
     */
    long search(Puzzle puzzle, long from, long count, int level, Finds finds);

    /** The SIMD search where the Vector API is present and wide enough, else the scalar one. */
    static NonceSearch fastest() {
        return VectorSupport.available() ? VectorSupport.search() : scalar();
    }

    static NonceSearch scalar() {
        return new ScalarSearch();
    }

    /**
     * Runs a search at level 1, where one nonce in 16 passes, so that the JIT sees the report
     * branch taken before it compiles the loop; otherwise the first real find deoptimises the
     * compiled loop and the search runs interpreted (for SIMD code, about a thousand times slower)
     * until it is compiled again.
     */
    static NonceSearch warm(NonceSearch search, long nonces) {
        java.util.Random random = new java.util.Random();
        byte[] zeros20 = new byte[20];
        byte[] hash = new byte[32];
        byte[] salt = new byte[Puzzle.SALT_LENGTH];
        random.nextBytes(hash);
        Puzzle puzzle = Puzzle.of(zeros20, zeros20, hash, salt);
        long[] found = new long[1];
        for (long done = 0; done < nonces; ) {
            done += search.search(puzzle, random.nextLong(), 1 << 10, 1, (n, z, h) -> found[0]++);
        }
        return search;
    }
}
