package com.xpowerbanq.api;

import com.xpowerbanq.api.json.GoJson;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.eclipse.jetty.http.BadMessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one block of exception mappers: every failure becomes {@code {"error": …}} with the status it
 * means (400 bad input, 503 a database that cannot answer now); anything unforeseen is logged and
 * answered 500, which bad input never gets.
 */
final class ErrorAnswers {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorAnswers.class);

    private ErrorAnswers() {}

    static void register(RoutesConfig routes) {
        routes.exception(BadRequestException.class, (e, ctx) -> answer(ctx, 400, e.getMessage()));
        routes.exception(UnavailableException.class, ErrorAnswers::unavailable);
        routes.exception(ApiException.class, (e, ctx) -> answer(ctx, e.status(), e.getMessage()));
        routes.exception(HttpResponseException.class, ErrorAnswers::httpError);
        routes.exception(BadMessageException.class, (e, ctx) -> answer(ctx, 400, "Bad request"));
        routes.exception(
                IllegalArgumentException.class, (e, ctx) -> answer(ctx, 400, "Bad request"));
        routes.exception(Exception.class, ErrorAnswers::internal);
    }

    private static void answer(Context ctx, int status, String message) {
        ctx.status(status);
        ctx.contentType("application/json");
        ctx.result(GoJson.error(message));
    }

    private static void unavailable(UnavailableException e, Context ctx) {
        if (e.getCause() != null) {
            LOG.debug("{} {}: {}", ctx.method(), ctx.path(), e.getMessage(), e.getCause());
        }
        answer(ctx, 503, e.getMessage());
    }

    private static void httpError(HttpResponseException e, Context ctx) {
        String message =
                switch (e.getStatus()) {
                    case 404 -> "Not found";
                    case 405 -> "Method not allowed";
                    default -> e.getMessage();
                };
        answer(ctx, e.getStatus(), message);
    }

    private static void internal(Exception e, Context ctx) {
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        answer(ctx, 500, "Internal server error");
    }
}
