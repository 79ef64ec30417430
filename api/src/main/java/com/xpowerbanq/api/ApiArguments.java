package com.xpowerbanq.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses banq-api's flags, with the original's short and long names ({@code -p 8001}, {@code --port
 * 8001}, {@code --port=8001}, and Go's single-dash long form {@code -port 8001}).
 */
final class ApiArguments {
    static final String HELP =
            """
            Usage: banq-api [options]
                   banq-api bench [--rows N] [--seconds S]

            XPower Banq API Server

            Options:
              -h, --help
                    Show this help message and exit
              -H, --host string
                    Listen address (default: 127.0.0.1; containers pass 0.0.0.0)
              -p, --port int
                    HTTP server listen port (default: 8001)
              -P, --db-path string
                    Path to the database directory (default: /srv/db)
              -S, --state-dir string
                    Directory the db path's links may point into; repeat for more
                    (default: /var/lib/banq). Links leading anywhere else are refused.
              -R, -L, --max-rows int
                    Maximum number of rows to return per query (default: 90)
              -O, --cors-origins string
                    CORS allowed origins as JSON array
                    (default: ["https://www.xpowermine.com","https://www.xpowerbanq.com","http://localhost:5173"])
              --db.max-open int
                    Most open connections per database (default: 20)
              --db.max-idle int
                    Connections kept open per database while idle (default: 10)
            """;

    private static final java.util.Set<String> FLAGS =
            java.util.Set.of(
                    "H",
                    "host",
                    "p",
                    "port",
                    "P",
                    "db-path",
                    "S",
                    "state-dir",
                    "R",
                    "L",
                    "max-rows",
                    "O",
                    "cors-origins",
                    "db.max-open",
                    "db.max-idle");

    private ApiArguments() {}

    /** The options, or null when help was asked for. */
    static ApiOptions parse(List<String> args) throws UsageException {
        String host = ApiOptions.DEFAULT_HOST;
        int port = ApiOptions.DEFAULT_PORT;
        Path dbPath = ApiOptions.DEFAULT_DB_PATH;
        List<Path> stateDirs = new ArrayList<>(); // the default unless a flag names one
        int maxRows = ApiOptions.DEFAULT_MAX_ROWS;
        List<String> origins = ApiOptions.DEFAULT_ORIGINS;
        int maxOpen = ApiOptions.DEFAULT_MAX_OPEN;
        int maxIdle = ApiOptions.DEFAULT_MAX_IDLE;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("-") || arg.equals("-") || arg.equals("--")) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            String name = arg.startsWith("--") ? arg.substring(2) : arg.substring(1);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (name.equals("h") || name.equals("help")) {
                return null;
            }
            if (!FLAGS.contains(name)) {
                throw new UsageException("unknown flag " + arg);
            }
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new UsageException("flag " + arg + " needs a value");
                }
                value = args.get(++i);
            }
            switch (name) {
                case "H", "host" -> host = nonEmpty(arg, value);
                case "p", "port" -> port = integer(arg, value, 0, 65_535);
                case "P", "db-path" -> dbPath = Path.of(nonEmpty(arg, value));
                case "S", "state-dir" -> stateDirs.add(Path.of(nonEmpty(arg, value)));
                case "R", "L", "max-rows" -> maxRows = integer(arg, value, 1, 100_000);
                case "O", "cors-origins" -> origins = origins(arg, value);
                case "db.max-open" -> maxOpen = integer(arg, value, 1, 1_000);
                case "db.max-idle" -> maxIdle = integer(arg, value, 0, 1_000);
                default -> throw new UsageException("unknown flag " + arg);
            }
        }
        return new ApiOptions(
                host,
                port,
                dbPath,
                stateDirs.isEmpty() ? ApiOptions.DEFAULT_STATE_DIRS : stateDirs,
                maxRows,
                origins,
                new PoolSettings(maxOpen, maxIdle, ApiOptions.QUERY_TIMEOUT));
    }

    private static String nonEmpty(String flag, String value) throws UsageException {
        if (value.isBlank()) {
            throw new UsageException("flag " + flag + " needs a non-empty value");
        }
        return value;
    }

    private static int integer(String flag, String value, int min, int max) throws UsageException {
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                throw new UsageException(
                        "flag " + flag + " must be in " + min + ".." + max + ", got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("flag " + flag + " needs a whole number, got '" + value + "'");
        }
    }

    private static List<String> origins(String flag, String value) throws UsageException {
        try {
            List<String> origins = new ObjectMapper().readValue(value, new TypeReference<>() {});
            if (origins == null || origins.stream().anyMatch(o -> o == null)) {
                throw new UsageException("flag " + flag + " needs a JSON array of strings");
            }
            return origins;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UsageException(
                    "flag "
                            + flag
                            + " needs a JSON array of origins, e.g. [\"https://example.com\"]: "
                            + e.getOriginalMessage());
        }
    }
}
