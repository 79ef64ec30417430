package com.xpowerbanq.batch.keeper;

/**
 * Which relative deltas allow a retwap, as fractions (0.03 = 3%). Defaults as in the original CLI:
 * {@code percent-min=3}, {@code percent-max=100}. Like the original, a delta of exactly zero also
 * allows the retwap.
 */
public record DeltaBounds(double min, double max) {
    public static final double DEFAULT_PERCENT_MIN = 3;
    public static final double DEFAULT_PERCENT_MAX = 100;

    public DeltaBounds {
        if (!(min >= 0) || !(max >= 0) || min > max) {
            throw new IllegalArgumentException(
                    "percent-min and percent-max must be numbers >= 0 with percent-min <= percent-max (got "
                            + 100 * min
                            + " and "
                            + 100 * max
                            + ")");
        }
    }

    public static DeltaBounds percent(double percentMin, double percentMax) {
        return new DeltaBounds(percentMin / 100.0, percentMax / 100.0);
    }

    public static DeltaBounds defaults() {
        return percent(DEFAULT_PERCENT_MIN, DEFAULT_PERCENT_MAX);
    }

    boolean allows(double delta) {
        return delta == 0 || (delta >= min && delta <= max);
    }
}
