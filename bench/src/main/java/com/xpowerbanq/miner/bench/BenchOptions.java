package com.xpowerbanq.miner.bench;

import java.util.List;

/** {@code bench [--json] [--threads N] [--runs R] [--seconds S]}. */
record BenchOptions(boolean json, int threads, int runs, double seconds) {

    static final String USAGE =
            "usage: banq-miner bench [--json] [--threads N] [--runs R] [--seconds S]\n"
                    + "  --threads N   threads of the multi-threaded runs (default: the cores, "
                    + Runtime.getRuntime().availableProcessors()
                    + ")\n"
                    + "  --runs R      timed runs per loop and thread count (default 3)\n"
                    + "  --seconds S   length of one run (default 2)\n"
                    + "  --json        end with one JSON line of the medians, for scripts";

    /** Thrown for a bad argument; the message says which and why. */
    static final class UsageException extends IllegalArgumentException {
        UsageException(String message) {
            super(message);
        }
    }

    static BenchOptions parse(List<String> args) {
        boolean json = false;
        int threads = Runtime.getRuntime().availableProcessors();
        int runs = 3;
        double seconds = 2;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--json" -> json = true;
                case "--threads" -> threads = (int) number(args, ++i, arg, 1, 1024);
                case "--runs" -> runs = (int) number(args, ++i, arg, 1, 1000);
                case "--seconds" -> seconds = number(args, ++i, arg, 0.1, 3600);
                default -> throw new UsageException("unknown bench option '" + arg + "'");
            }
        }
        return new BenchOptions(json, threads, runs, seconds);
    }

    private static double number(List<String> args, int at, String name, double min, double max) {
        if (at >= args.size()) {
            throw new UsageException(name + " needs a value");
        }
        String text = args.get(at);
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a number, got '" + text + "'");
        }
        boolean whole = !name.equals("--seconds");
        if (value < min || value > max || (whole && value != Math.rint(value))) {
            throw new UsageException(
                    name
                            + " must be "
                            + (whole ? "a whole number" : "a number")
                            + " in ["
                            + (whole ? (long) min : min)
                            + ", "
                            + (whole ? (long) max : max)
                            + "], got '"
                            + text
                            + "'");
        }
        return value;
    }
}
