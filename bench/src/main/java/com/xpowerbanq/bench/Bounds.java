package com.xpowerbanq.bench;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Range checks of numeric flags: a value out of range is a usage error naming the flag. */
public final class Bounds {
    private Bounds() {}

    /** Checks {@code min <= value <= max}; throws a usage error saying what is allowed. */
    public static void check(CommandSpec spec, String flag, double value, double min, double max) {
        if (value < min || value > max) {
            throw new ParameterException(
                    spec.commandLine(),
                    flag
                            + " must be in ["
                            + text(min)
                            + ", "
                            + text(max)
                            + "], got "
                            + text(value));
        }
    }

    private static String text(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
