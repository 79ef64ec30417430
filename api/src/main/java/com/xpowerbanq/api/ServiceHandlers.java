package com.xpowerbanq.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.xpowerbanq.api.json.GoJson;
import io.javalin.http.Context;

/** The routes that need no database: health, robots.txt and the description of the API. */
final class ServiceHandlers {
    static final String HEALTH = GoJson.document(new Health("XPower Banq API", "ok"));
    static final String ROBOTS = "User-agent: *\nDisallow: /\n";
    static final String ROOT = GoJson.document(ApiDescription.of(Route.values()));
    // encoded once: these answers never change
    private static final AnswerBody HEALTH_BODY = AnswerBody.of(HEALTH);
    private static final AnswerBody ROBOTS_BODY = AnswerBody.of(ROBOTS);
    private static final AnswerBody ROOT_BODY = AnswerBody.of(ROOT);

    void health(Context ctx) {
        ctx.contentType("application/json");
        ctx.header("Cache-Control", "no-cache, no-store, must-revalidate");
        HEALTH_BODY.send(ctx);
    }

    void robots(Context ctx) {
        ctx.contentType("text/plain");
        ROBOTS_BODY.send(ctx);
    }

    void root(Context ctx) {
        ctx.contentType("application/json");
        ctx.header("Cache-Control", "public, max-age=3600");
        ROOT_BODY.send(ctx);
    }

    /** The health answer; the original wrote its keys in this order. */
    @JsonPropertyOrder({"service", "status"})
    record Health(String service, String status) {}
}
