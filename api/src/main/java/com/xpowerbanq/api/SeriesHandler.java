package com.xpowerbanq.api;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** {@code GET /{db}/daily_average.json} and {@code /{db}/daily_ohlc.json}: HTTP in and out only. */
final class SeriesHandler {
    /** Told of every answer, for the metrics. */
    interface Listener {
        Listener NONE = (route, answer) -> {};

        void answered(Route route, SeriesAnswer answer);
    }

    private final Route route;
    private final SeriesQueries queries;
    private final Listener listener;

    SeriesHandler(Route route, SeriesQueries queries, Listener listener) {
        this.route = route;
        this.queries = queries;
        this.listener = listener;
    }

    void handle(Context ctx) {
        String db = ctx.pathParam("db");
        if (!db.startsWith(route.prefix())) {
            throw new BadRequestException(
                    "Invalid database name. Must start with " + route.prefix());
        }
        DatabaseDirectory.checkName(db);
        DayWindow window = DayWindow.parse(ctx.queryParam("lhs"), ctx.queryParam("rhs"));
        SeriesAnswer answer = queries.answer(route, db, window, ctx.header("If-None-Match"));
        listener.answered(route, answer);
        ctx.header("X-Database", answer.file());
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.header("ETag", answer.etag());
        if (answer.notModified()) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.contentType("application/json");
        ctx.result(answer.json());
    }
}
