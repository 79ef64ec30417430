package com.xpowerbanq.miner.bench;

import com.xpowerbanq.miner.pow.NonceSearch;
import com.xpowerbanq.miner.pow.Puzzle;
import com.xpowerbanq.miner.pow.VectorSupport;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Hashes per second of the miner's nonce search, scalar and SIMD, on one thread: the product's
 * hottest loop, under JMH's warm-up and forks rather than {@code bench miner}'s own timer.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:+UseParallelGC"})
public class KeccakLoopsBenchmark {
    private static final int NONCES = 1 << 14;
    private static final int LEVEL = 8; // the miner's default: finds are rare, as when mining

    @Param({"scalar", "simd"})
    public String loop;

    private NonceSearch search;
    private Puzzle puzzle;
    private long nonce;

    @Setup
    public void setUp() {
        if (loop.equals("simd") && !VectorSupport.available()) {
            throw new IllegalStateException(
                    "the Vector API is missing or too narrow here: no SIMD loop to measure");
        }
        search = loop.equals("simd") ? NonceSearch.fastest() : NonceSearch.scalar();
        // a find deoptimises a loop compiled without one: let the JIT see finds first
        NonceSearch.warm(search, 1 << 17);
        SplittableRandom random = new SplittableRandom(42);
        byte[] xpow = bytes(random, 20);
        byte[] to = bytes(random, 20);
        puzzle = Puzzle.of(xpow, to, bytes(random, 32), bytes(random, Puzzle.SALT_LENGTH));
        nonce = random.nextLong();
    }

    /** One call of the search over {@value #NONCES} nonces; the score is hashes per second. */
    @Benchmark
    @OperationsPerInvocation(NONCES)
    public long search(Blackhole finds) {
        long hashed =
                search.search(puzzle, nonce, NONCES, LEVEL, (n, zeros, hash) -> finds.consume(n));
        nonce += hashed;
        return hashed;
    }

    private static byte[] bytes(SplittableRandom random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
