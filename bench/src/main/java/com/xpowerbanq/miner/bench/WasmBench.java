package com.xpowerbanq.miner.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code bench/wasm/wasm-bench.mjs}, the original WebAssembly miner over the same input, with
 * node, after {@code npm ci} when its packages are missing. Empty with a reason when node or the
 * script is not there, so the Java figures still print.
 */
final class WasmBench {
    static final String SCRIPT = "wasm-bench.mjs";
    static final String LOOP = "wasm-miner";

    /** Figures of one wasm run, or why there are none. */
    record Result(List<Rates> rates, String skipped) {}

    private final Path dir;

    WasmBench(Path dir) {
        this.dir = dir;
    }

    /** The wasm folder of the bench module: {@code bench/wasm} seen from the jar or classes. */
    static Optional<Path> locate() {
        try {
            Path code =
                    Path.of(
                            WasmBench.class
                                    .getProtectionDomain()
                                    .getCodeSource()
                                    .getLocation()
                                    .toURI());
            // bench/target/banq-bench.jar or bench/target/classes -> bench/wasm
            Path module = code.getParent() == null ? null : code.getParent().getParent();
            if (module != null && Files.isRegularFile(module.resolve("wasm").resolve(SCRIPT))) {
                return Optional.of(module.resolve("wasm"));
            }
        } catch (Exception e) {
            // fall through to the working directory
        }
        Path fromRoot = Path.of("bench", "wasm");
        return Files.isRegularFile(fromRoot.resolve(SCRIPT))
                ? Optional.of(fromRoot)
                : Optional.empty();
    }

    Result run(int threads, int runs, double seconds) {
        try {
            if (!Files.isDirectory(dir.resolve("node_modules/@blackhan-software/wasm-miner"))) {
                String npm =
                        exec(
                                List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"),
                                300);
                if (npm != null) {
                    return new Result(List.of(), "npm ci in " + dir + " failed: " + npm);
                }
            }
            Path out = Files.createTempFile("wasm-bench", ".json");
            try {
                ProcessBuilder builder =
                        new ProcessBuilder(
                                        "node",
                                        SCRIPT,
                                        "--seconds",
                                        Double.toString(seconds),
                                        "--runs",
                                        Integer.toString(runs),
                                        "--threads",
                                        Integer.toString(threads))
                                .directory(dir.toFile())
                                .redirectErrorStream(false)
                                .redirectOutput(out.toFile())
                                .redirectError(ProcessBuilder.Redirect.INHERIT);
                Process node = builder.start();
                long limit = (long) (runs * seconds * 2 + runs * 3 + 60);
                if (!node.waitFor(limit, TimeUnit.SECONDS)) {
                    node.destroyForcibly();
                    return new Result(
                            List.of(), "node " + SCRIPT + " took longer than " + limit + " s");
                }
                if (node.exitValue() != 0) {
                    return new Result(
                            List.of(), "node " + SCRIPT + " exited with " + node.exitValue());
                }
                String text = Files.readString(out, StandardCharsets.UTF_8).strip();
                String last = text.substring(text.lastIndexOf('\n') + 1);
                JsonNode json = new ObjectMapper().readTree(last);
                return new Result(
                        List.of(
                                Rates.of(
                                        LOOP,
                                        1,
                                        numbers(json.get("hps_1t")),
                                        numbers(json.get("cpu_hps_1t"))),
                                Rates.of(LOOP, threads, numbers(json.get("hps_nt")), List.of())),
                        null);
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
            return new Result(List.of(), "node is not usable here (" + reason + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(List.of(), "interrupted");
        }
    }

    /** Runs a command in the bench folder; null when it succeeded, else what went wrong. */
    private String exec(List<String> command, long seconds)
            throws IOException, InterruptedException {
        Process process =
                new ProcessBuilder(command)
                        .directory(dir.toFile())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return String.join(" ", command) + " took longer than " + seconds + " s";
        }
        return process.exitValue() == 0 ? null : "exit status " + process.exitValue();
    }

    private static List<Double> numbers(JsonNode array) {
        List<Double> numbers = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> numbers.add(n.asDouble()));
        }
        return numbers;
    }
}
