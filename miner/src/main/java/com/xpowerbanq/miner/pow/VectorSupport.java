package com.xpowerbanq.miner.pow;

/**
 * Whether the SIMD search can run here: the JVM was started with {@code --add-modules
 * jdk.incubator.vector} and the preferred species holds at least four 64-bit lanes. {@link
 * VectorSearch} is only loaded after this check, so a JVM without the module never touches it.
 */
public final class VectorSupport {
    private static final int MIN_LANES = 4;

    private VectorSupport() {}

    public static boolean available() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            return VectorSearch.SPECIES.length() >= MIN_LANES;
        } catch (LinkageError e) {
            return false;
        }
    }

    /** The SIMD search; call only when {@link #available()}. */
    static NonceSearch search() {
        return new VectorSearch();
    }
}
