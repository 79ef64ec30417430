package com.xpowerbanq.api;

import com.xpowerbanq.schema.metrics.MetricsEndpoint;
import java.nio.file.Files;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the server for an operator: logs what it serves and prints where it listens. */
final class ApiLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(ApiLauncher.class);

    private ApiLauncher() {}

    /**
     * Starts the server and returns while it runs; it stops when the JVM does.
     *
     * @throws PortUnavailableException when it cannot listen
     */
    static ApiServer serve(ApiOptions options) {
        ApiServer server = new ApiServer(options);
        try {
            server.start();
        } catch (RuntimeException e) {
            throw new PortUnavailableException(options, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "banq-api-stop"));
        logDatabases(server.directory());
        System.out.println("API listening on http://" + options.host() + ":" + server.port());
        if (server.metricsPort() != null) {
            System.out.println(
                    "Metrics on http://127.0.0.1:" + server.metricsPort() + MetricsEndpoint.PATH);
        }
        System.out.flush();
        return server;
    }

    private static void logDatabases(DatabaseDirectory directory) {
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
