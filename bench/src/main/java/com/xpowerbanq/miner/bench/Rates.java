package com.xpowerbanq.miner.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Hashes per second of several runs of one configuration, by the wall clock and per CPU second of
 * the hashing threads (empty when not measured).
 */
record Rates(String loop, int threads, double[] perRun, double[] perCpuSecond) {

    static Rates of(String loop, int threads, List<Double> runs, List<Double> cpu) {
        return new Rates(loop, threads, array(runs), array(cpu));
    }

    double median() {
        return median(perRun);
    }

    double cpuMedian() {
        return perCpuSecond.length == 0 ? Double.NaN : median(perCpuSecond);
    }

    double min() {
        return Arrays.stream(perRun).min().orElse(Double.NaN);
    }

    double max() {
        return Arrays.stream(perRun).max().orElse(Double.NaN);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static double[] array(List<Double> values) {
        return values.stream()
                .mapToDouble(Double::doubleValue)
                .filter(v -> !Double.isNaN(v))
                .toArray();
    }
}
