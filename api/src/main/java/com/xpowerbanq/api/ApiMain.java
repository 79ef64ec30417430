package com.xpowerbanq.api;

import com.xpowerbanq.schema.cli.ExitCode;
import java.util.Arrays;

/** banq-api: serves the series databases of a directory over HTTP, or benchmarks itself. */
public final class ApiMain {
    private ApiMain() {}

    public static void main(String[] args) {
        if (Bench.asked(args)) {
            System.exit(Bench.run(args));
        }
        int code = new ApiCommandLine(new ApiCommand()).execute(args);
        if (code != ExitCode.OK.code) {
            System.exit(code);
        }
        // OK: help was printed, or the server runs on its own threads until the JVM stops
    }

    /**
     * {@code banq-api bench …} runs the load benchmark with its own flags. It leaves banq-api for
     * the bench module; then this class, and the exit codes it lends the benchmark, go.
     */
    static final class Bench {
        private Bench() {}

        static boolean asked(String[] args) {
            return args.length > 0 && args[0].equals("bench");
        }

        static int run(String[] args) {
            return ApiBenchmark.run(Arrays.asList(args).subList(1, args.length));
        }
    }

    static final int EX_USAGE = ExitCode.USAGE.code; // for ApiBenchmark, until it moves
    static final int EX_SOFTWARE = ExitCode.INTERNAL.code; // for ApiBenchmark, until it moves
}
