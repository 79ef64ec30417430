package com.xpowerbanq.miner.bench;

/** What {@code bench miner} measures: threads of the N-thread runs, runs, seconds per run. */
record BenchOptions(boolean json, int threads, int runs, double seconds) {}
