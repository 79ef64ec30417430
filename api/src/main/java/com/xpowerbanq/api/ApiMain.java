package com.xpowerbanq.api;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** banq-api: serves the series databases of a directory over HTTP, or benchmarks itself. */
public final class ApiMain {
    static final int EX_USAGE = 64;
    static final int EX_UNAVAILABLE = 69;
    static final int EX_SOFTWARE = 70;
    private static final Logger LOG = LoggerFactory.getLogger(ApiMain.class);

    private ApiMain() {}

    public static void main(String[] args) {
        List<String> list = Arrays.asList(args);
        if (!list.isEmpty() && list.get(0).equals("bench")) {
            System.exit(ApiBenchmark.run(list.subList(1, list.size())));
        }
        ApiOptions options;
        try {
            options = ApiArguments.parse(list);
        } catch (UsageException e) {
            System.err.println("banq-api: " + e.getMessage() + " (see banq-api --help)");
            System.exit(EX_USAGE);
            return;
        }
        if (options == null) {
            System.out.print(ApiArguments.HELP);
            return;
        }
        if (Files.exists(options.dbPath()) && !Files.isDirectory(options.dbPath())) {
            System.err.println("banq-api: --db-path " + options.dbPath() + " is not a directory");
            System.exit(EX_USAGE);
        }
        ApiServer server = new ApiServer(options);
        try {
            server.start();
        } catch (RuntimeException e) {
            System.err.println(
                    "banq-api: cannot listen on "
                            + options.host()
                            + ":"
                            + options.port()
                            + ": "
                            + e.getMessage());
            System.exit(EX_UNAVAILABLE);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "banq-api-stop"));
        logDatabases(server);
        System.out.println("API listening on http://" + options.host() + ":" + server.port());
        System.out.flush();
    }

    private static void logDatabases(ApiServer server) {
        DatabaseDirectory directory = server.directory();
        if (!Files.isDirectory(directory.path())) {
            LOG.warn(
                    "Database path {} does not exist yet: every series answers 503 until it"
                            + " does",
                    directory.path());
            return;
        }
        List<String> names = directory.names();
        LOG.info(
                "Database path {}: {} database(s); links may lead into {}",
                directory.path(),
                names.size(),
                directory.stateDirs());
        for (String name : names) {
            try {
                ServedDatabase db = directory.lease(name).db();
                String problem = db.problem();
                if (problem == null) {
                    LOG.info("  [ok] {}.db ({})", name, db.layout());
                } else {
                    LOG.warn("  [!!] {}.db: {}", name, problem);
                }
            } catch (RuntimeException e) {
                LOG.warn("  [!!] {}.db: {}", name, e.getMessage());
            }
        }
    }
}
