package com.xpowerbanq.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * banq-api's command line, with the original's flags; the defaults are {@link ApiOptions}'. Runs
 * the server over the options it reads.
 */
@Command(
        name = "banq-api",
        description = "XPower Banq API Server",
        abbreviateSynopsis = true,
        usageHelpWidth = 100,
        sortOptions = false)
final class ApiCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec CommandSpec spec;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help message and exit")
    boolean help;

    @Option(
            names = {"-H", "--host"},
            paramLabel = "string",
            description = "Listen address (default: ${DEFAULT-VALUE}; containers pass 0.0.0.0)")
    String host = ApiOptions.DEFAULT_HOST;

    @Option(
            names = {"-p", "--port"},
            paramLabel = "int",
            description = "HTTP server listen port (default: ${DEFAULT-VALUE}; 0: any free port)")
    int port = ApiOptions.DEFAULT_PORT;

    @Option(
            names = {"-P", "--db-path"},
            paramLabel = "string",
            description = "Path to the database directory (default: ${DEFAULT-VALUE})")
    Path dbPath = ApiOptions.DEFAULT_DB_PATH;

    @Option(
            names = {"-S", "--state-dir"},
            paramLabel = "string",
            description = {
                "Directory the db path's links may point into (default: "
                        + ApiOptions.DEFAULT_STATE_DIR
                        + ");",
                "repeat for more. Links leading anywhere else are refused."
            })
    List<Path> stateDirs = new ArrayList<>();

    @Option(
            names = {"-R", "-L", "--max-rows"},
            paramLabel = "int",
            description = "Maximum number of rows to return per query (default: ${DEFAULT-VALUE})")
    int maxRows = ApiOptions.DEFAULT_MAX_ROWS;

    @Option(
            names = {"-O", "--cors-origins"},
            paramLabel = "string",
            description = "CORS allowed origins as JSON array (default: ${DEFAULT-VALUE})")
    String corsOrigins = JSON.valueToTree(ApiOptions.DEFAULT_ORIGINS).toString();

    @Option(
            names = "--db.max-open",
            paramLabel = "int",
            description = "Most open connections per database (default: ${DEFAULT-VALUE})")
    int maxOpen = ApiOptions.DEFAULT_MAX_OPEN;

    @Option(
            names = "--db.max-idle",
            paramLabel = "int",
            description =
                    "Connections kept open per database while idle (default: ${DEFAULT-VALUE})")
    int maxIdle = ApiOptions.DEFAULT_MAX_IDLE;

    @Option(
            names = "--metrics-port",
            paramLabel = "int",
            description =
                    "Serve Prometheus metrics on http://127.0.0.1:PORT/metrics (default: off;"
                            + " 0: any free port)")
    Integer metricsPort;

    @Override
    public Integer call() {
        ApiOptions options = options();
        if (Files.exists(options.dbPath()) && !Files.isDirectory(options.dbPath())) {
            throw usage("--db-path " + options.dbPath() + " is not a directory");
        }
        ApiLauncher.serve(options);
        return 0;
    }

    /** The options the flags give; a value out of range is a usage error naming its flag. */
    ApiOptions options() {
        return new ApiOptions(
                nonEmpty("--host", host),
                within("--port", port, 0, 65_535),
                Path.of(nonEmpty("--db-path", dbPath.toString())),
                stateDirs.isEmpty() ? ApiOptions.DEFAULT_STATE_DIRS : stateDirs,
                within("--max-rows", maxRows, 1, 100_000),
                origins(),
                new PoolSettings(
                        within("--db.max-open", maxOpen, 1, 1_000),
                        within("--db.max-idle", maxIdle, 0, 1_000),
                        ApiOptions.QUERY_TIMEOUT),
                metricsPort == null ? null : within("--metrics-port", metricsPort, 0, 65_535));
    }

    private String nonEmpty(String flag, String value) {
        if (value.isBlank()) {
            throw usage("flag " + flag + " needs a non-empty value");
        }
        return value;
    }

    private int within(String flag, int value, int min, int max) {
        if (value < min || value > max) {
            throw usage("flag " + flag + " must be in " + min + ".." + max + ", got " + value);
        }
        return value;
    }

    private List<String> origins() {
        try {
            List<String> origins = JSON.readValue(corsOrigins, new TypeReference<>() {});
            if (origins == null || origins.stream().anyMatch(o -> o == null)) {
                throw usage("flag --cors-origins needs a JSON array of strings");
            }
            return origins;
        } catch (JsonProcessingException e) {
            throw usage(
                    "flag --cors-origins needs a JSON array of origins, e.g."
                            + " [\"https://example.com\"]: "
                            + e.getOriginalMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
