package com.xpowerbanq.miner.bench;

import java.util.Arrays;
import java.util.List;

/** Hashes per second of several runs of one configuration. */
record Rates(String loop, int threads, double[] perRun) {

    static Rates of(String loop, int threads, List<Double> runs) {
        return new Rates(loop, threads, runs.stream().mapToDouble(Double::doubleValue).toArray());
    }

    double median() {
        double[] sorted = perRun.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    double min() {
        return Arrays.stream(perRun).min().orElse(Double.NaN);
    }

    double max() {
        return Arrays.stream(perRun).max().orElse(Double.NaN);
    }
}
