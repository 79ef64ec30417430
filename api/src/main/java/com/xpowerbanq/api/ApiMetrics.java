package com.xpowerbanq.api;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * banq-api's metrics in Micrometer's Prometheus registry: requests by route and status with a
 * latency histogram, rows served, answers by source (snapshot, SQL, cache) and, per database, the
 * last day it holds. Fed by Javalin's request logger and the series handler; labels are route
 * templates, database names that exist in the db path, status codes and sources, nothing a client
 * can make up.
 */
final class ApiMetrics implements AutoCloseable {
    static final String UNMATCHED = "unmatched";
    private static final int FIRST_STATUS = 100;
    private static final int LAST_STATUS = 599;
    // from a snapshot answer (~0.1 ms) to the query time limit (5 s)
    private static final Duration[] BUCKETS = {
        Duration.ofNanos(100_000),
        Duration.ofNanos(250_000),
        Duration.ofNanos(500_000),
        Duration.ofMillis(1),
        Duration.ofMillis(5),
        Duration.ofMillis(25),
        Duration.ofMillis(100),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofSeconds(5)
    };

    private final PrometheusMeterRegistry registry =
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Meter.MeterProvider<Timer> requests;
    private final Meter.MeterProvider<Counter> rows;
    private final Meter.MeterProvider<Counter> answers;
    private final DatabaseDays days;
    // a data race on an array slot only makes two lookups of the same timer: Micrometer
    // returns the one it registered first
    private final Map<String, Timer[]> timers = new ConcurrentHashMap<>();
    private final Map<Route, Meters> byRoute = new EnumMap<>(Route.class);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    ApiMetrics(DatabaseDirectory directory) {
        this.requests =
                Timer.builder("banq.api.requests")
                        .description("HTTP requests by route template and status code")
                        .serviceLevelObjectives(BUCKETS)
                        .withRegistry(registry);
        this.rows =
                Counter.builder("banq.api.rows.served")
                        .description("Daily rows sent in answers")
                        .withRegistry(registry);
        this.answers =
                Counter.builder("banq.api.answers")
                        .description(
                                "Series answers by source: not_modified, cache, snapshot, sql,"
                                        + " legacy_sql")
                        .withRegistry(registry);
        this.days = new DatabaseDays(directory, registry);
        for (Route route : Route.values()) {
            byRoute.put(route, Meters.of(route, answers, rows));
        }
        // names that promtool check metrics refuses (an abbreviated unit, a _count that is no
        // histogram); the CPU usage and load average stay
        registry.config()
                .meterFilter(
                        MeterFilter.deny(
                                id ->
                                        id.getName().equals("process.cpu.time")
                                                || id.getName().equals("system.cpu.count")));
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        gc.bindTo(registry);
    }

    /**
     * Javalin's request logger: every request, whichever way it ended, by the template of the route
     * it matched (one the server registered) or {@value UNMATCHED}.
     */
    void request(Context ctx, Float millis) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        String route = endpoint != null ? endpoint.path : UNMATCHED;
        int status = ctx.statusCode();
        requestTimer(route, status).record((long) (millis * 1_000_000.0), TimeUnit.NANOSECONDS);
    }

    /** The series handler's hook: one answer of {@code route}. */
    void answered(Route route, SeriesAnswer answer) {
        Meters meters = byRoute.get(route);
        meters.answers()[answer.source().ordinal()].increment();
        AnswerBody body = answer.body();
        if (body != null) {
            meters.rows().increment(body.rows());
        }
    }

    /**
     * The timer of a route template and status, looked up once and then kept: a request pays an
     * array read, not the tag list and registry lookup Micrometer makes for each call of {@code
     * withTags} (a few per cent of a cached answer's cost, measured by {@code bench api
     * --metrics-port}).
     */
    private Timer requestTimer(String route, int status) {
        if (status < FIRST_STATUS || status > LAST_STATUS) {
            return requests.withTags("route", route, "status", Integer.toString(status));
        }
        Timer[] byStatus =
                timers.computeIfAbsent(route, r -> new Timer[LAST_STATUS - FIRST_STATUS + 1]);
        Timer timer = byStatus[status - FIRST_STATUS];
        if (timer == null) {
            timer = requests.withTags("route", route, "status", Integer.toString(status));
            byStatus[status - FIRST_STATUS] = timer;
        }
        return timer;
    }

    /** A series route's counters, made when the metrics start. */
    private record Meters(Counter[] answers, Counter rows) {
        static Meters of(
                Route route,
                Meter.MeterProvider<Counter> answers,
                Meter.MeterProvider<Counter> rows) {
            String name = route.routeName();
            SeriesAnswer.Source[] sources = SeriesAnswer.Source.values();
            Counter[] bySource = new Counter[sources.length];
            for (SeriesAnswer.Source source : sources) {
                bySource[source.ordinal()] =
                        answers.withTags("route", name, "source", source.label());
            }
            return new Meters(bySource, rows.withTags("route", name));
        }
    }

    /** The Prometheus text format of every meter, the database days read just now. */
    String scrape() {
        days.refresh();
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
