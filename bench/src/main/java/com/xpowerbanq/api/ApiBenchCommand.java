package com.xpowerbanq.api;

import com.xpowerbanq.bench.Bounds;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench api [--rows N] [--legacy-rows N] [--seconds S] [--dir DIR] [--metrics-port P]
 * [--own-jvm-only] [--against URL]}: the {@link ApiBenchmark}.
 */
@Command(
        name = "api",
        mixinStandardHelpOptions = true,
        description = {
            "API requests/s and p50/p99 latency per route, window and connection count, on",
            "series databases written at production density."
        })
public final class ApiBenchCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Option(
            names = "--rows",
            paramLabel = "N",
            description = "events per fast-path database (default 1000000, three years)")
    private long rows = 1_000_000;

    @Option(
            names = "--legacy-rows",
            paramLabel = "N",
            description = "events per legacy database (default 100000, one year)")
    private long legacyRows = 100_000;

    @Option(
            names = "--seconds",
            paramLabel = "S",
            description = "length of each measured run (default 3)")
    private int seconds = 3;

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            description = "keep the databases here and reuse them (default: a temporary directory)")
    private @Nullable Path dir;

    @Option(
            names = "--metrics-port",
            paramLabel = "P",
            description = {
                "also measure the snapshot routes with the API's metrics on (loopback port P, 0:",
                "any free one) against the same server without, runs interleaved"
            })
    private @Nullable Integer metricsPort;

    @Option(
            names = "--own-jvm-only",
            description =
                    "only the part with banq-api in its own JVM (the unit's flags, 2 cores and"
                            + " core 0, wrk, memory)")
    private boolean ownJvmOnly;

    @Option(
            names = "--against",
            paramLabel = "URL",
            description = {
                "also measure another API server already listening on loopback over the same",
                "--dir (http://127.0.0.1:PORT, the original Go server, say) with wrk, in turn with",
                "ours in its own JVM; pinning it to core 0 is up to whoever started it"
            })
    private @Nullable URI against;

    @Override
    public Integer call() {
        Bounds.check(spec, "--rows", rows, 1, Long.MAX_VALUE);
        Bounds.check(spec, "--legacy-rows", legacyRows, 1, Long.MAX_VALUE);
        Bounds.check(spec, "--seconds", seconds, 1, Integer.MAX_VALUE);
        if (metricsPort != null) {
            Bounds.check(spec, "--metrics-port", metricsPort, 0, 65_535);
        }
        if (against != null && !isLoopbackHttp(against)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--against must be an http:// URL on loopback (127.0.0.1, localhost or [::1]),"
                            + " got "
                            + against);
        }
        return ApiBenchmark.run(
                rows,
                legacyRows,
                seconds,
                dir,
                metricsPort,
                ownJvmOnly,
                against == null ? null : URI.create(against.toString().replaceAll("/+$", "")));
    }

    static boolean isLoopbackHttp(URI url) {
        return "http".equals(url.getScheme())
                && List.of("127.0.0.1", "localhost", "[::1]").contains(url.getHost())
                && (url.getPath() == null || url.getPath().isEmpty() || url.getPath().equals("/"))
                && url.getQuery() == null;
    }
}
