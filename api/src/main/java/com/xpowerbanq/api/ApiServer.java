package com.xpowerbanq.api;

import io.javalin.Javalin;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * banq-api's HTTP server: builds the Javalin app from its parts (no statics, so tests start it on
 * port 0) with every route in one place and the error answers of {@link ErrorAnswers}.
 */
public final class ApiServer implements AutoCloseable {
    private final DatabaseDirectory directory;
    private final SeriesQueries queries;
    private final Javalin app;

    ApiServer(ApiOptions options) {
        this(options, true);
    }

    /**
     * @param snapshots false answers every window by its query over the rollup, never from a
     *     snapshot: what the first request after a commit costs, for the benchmark
     */
    ApiServer(ApiOptions options, boolean snapshots) {
        this.directory =
                new DatabaseDirectory(options.dbPath(), options.stateDirs(), options.pool());
        this.queries =
                new SeriesQueries(
                        directory, options.maxRows(), options.pool().queryTimeout(), snapshots);
        this.app = create(options, queries, new CorsPolicy(options.corsOrigins()));
    }

    static Javalin create(ApiOptions options, SeriesQueries queries, CorsPolicy cors) {
        ServiceHandlers service = new ServiceHandlers();
        RequestGuard guard = new RequestGuard();
        SeriesHandler averages = new SeriesHandler(Route.DAILY_AVERAGE, queries);
        SeriesHandler ohlc = new SeriesHandler(Route.DAILY_OHLC, queries);
        return Javalin.create(
                config -> {
                    config.startup.showJavalinBanner = false;
                    config.startup.showOldJavalinVersionWarning = false;
                    config.http.generateEtags = false;
                    // the original answers 404 for /health/ and /{db}/daily_average.json/
                    config.router.ignoreTrailingSlashes = false;
                    config.jetty.host = options.host();
                    config.jetty.port = options.port();
                    config.jetty.modifyServer(
                            server -> server.setErrorHandler(new JsonErrorHandler()));
                    config.jetty.modifyHttpConfiguration(
                            http -> {
                                http.setSendServerVersion(false);
                                http.setSendXPoweredBy(false);
                            });

                    config.routes.before(cors::apply);
                    config.routes.before(guard::check);
                    Map<String, Handler> routes = new LinkedHashMap<>();
                    routes.put("/health", service::health);
                    routes.put("/robots.txt", service::robots);
                    routes.put("/", service::root);
                    routes.put(Route.DAILY_AVERAGE.path(), averages::handle);
                    routes.put(Route.DAILY_OHLC.path(), ohlc::handle);
                    routes.forEach(
                            (path, handler) -> {
                                config.routes.get(path, handler);
                                config.routes.head(path, handler);
                            });

                    ErrorAnswers.register(config.routes);
                });
    }

    ApiServer start() {
        app.start();
        return this;
    }

    int port() {
        return app.port();
    }

    SeriesQueries queries() {
        return queries;
    }

    DatabaseDirectory directory() {
        return directory;
    }

    @Override
    public void close() {
        app.stop();
        directory.close();
    }
}
