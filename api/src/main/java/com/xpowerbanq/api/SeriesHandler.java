package com.xpowerbanq.api;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** {@code GET /{db}/daily_average.json} and {@code /{db}/daily_ohlc.json}: HTTP in and out only. */
final class SeriesHandler {
    private final Route route;
    private final SeriesQueries queries;

    SeriesHandler(Route route, SeriesQueries queries) {
        this.route = route;
        this.queries = queries;
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
        ctx.header("X-Database", answer.file());
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.header("ETag", answer.etag());
        if (answer.notModified()) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.contentType("application/json");
        answer.body().send(ctx);
    }
}
