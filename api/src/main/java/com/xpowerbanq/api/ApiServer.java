package com.xpowerbanq.api;

import com.xpowerbanq.schema.metrics.MetricsEndpoint;
import io.javalin.Javalin;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * banq-api's HTTP server: builds the Javalin app from its parts (no statics, so tests start it on
 * port 0) with every route in one place and the error answers of {@link ErrorAnswers}.
 */
public final class ApiServer implements AutoCloseable {
    private final DatabaseDirectory directory;
    private final SeriesQueries queries;
    private final Javalin app;
    private final @Nullable Integer metricsPort;
    private final @Nullable ApiMetrics metrics;
    private @Nullable MetricsEndpoint metricsEndpoint;

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
        this.metricsPort = options.metricsPort();
        this.metrics = metricsPort == null ? null : new ApiMetrics(directory);
        this.app = create(options, queries, new CorsPolicy(options.corsOrigins()), metrics);
    }

    static Javalin create(
            ApiOptions options,
            SeriesQueries queries,
            CorsPolicy cors,
            @Nullable ApiMetrics metrics) {
        ServiceHandlers service = new ServiceHandlers();
        RequestGuard guard = new RequestGuard();
        SeriesHandler.Listener listener =
                metrics == null ? SeriesHandler.Listener.NONE : metrics::answered;
        SeriesHandler averages = new SeriesHandler(Route.DAILY_AVERAGE, queries, listener);
        SeriesHandler ohlc = new SeriesHandler(Route.DAILY_OHLC, queries, listener);
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

                    if (metrics != null) {
                        config.requestLogger.http(metrics::request);
                    }
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
        if (metrics != null && metricsPort != null) {
            try {
                metricsEndpoint = MetricsEndpoint.start(metricsPort, metrics::scrape);
            } catch (RuntimeException e) {
                app.stop();
                throw e;
            }
        }
        return this;
    }

    /** The port of the metrics, or null when they are off. */
    @Nullable Integer metricsPort() {
        return metricsEndpoint == null ? null : metricsEndpoint.port();
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
        if (metricsEndpoint != null) {
            metricsEndpoint.close();
        }
        app.stop();
        if (metrics != null) {
            metrics.close();
        }
        directory.close();
    }
}
