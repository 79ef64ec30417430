package com.xpowerbanq.api;

import io.javalin.http.Context;
import java.util.Set;

/** Refuses what no route answers before any route runs: other methods, oversized query strings. */
final class RequestGuard {
    static final int MAX_QUERY_LENGTH = 1024;
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "OPTIONS");

    void check(Context ctx) {
        if (!METHODS.contains(ctx.req().getMethod())) {
            throw new ApiException(405, "Method not allowed");
        }
        String query = ctx.queryString();
        if (query != null && query.length() > MAX_QUERY_LENGTH) {
            throw new ApiException(414, "Query string too long");
        }
        if ("OPTIONS".equals(ctx.req().getMethod())) {
            // not a preflight (CorsPolicy answered those): say what this server allows
            ctx.header("Allow", "GET, HEAD, OPTIONS");
            ctx.status(204);
            ctx.skipRemainingHandlers();
        }
    }
}
