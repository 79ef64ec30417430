package com.xpowerbanq.api;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The original API's CORS rules (go-chi/cors with GET and OPTIONS, header Content-Type, exposed
 * Content-Type and X-Database, no credentials, max-age 3600), answered the same way header for
 * header: a preflight always gets 200, but only an allowed origin gets the allow headers. Javalin's
 * CORS plugin answers differently in ways a browser or cache sees (docs/adr/0003-api-cors.md).
 */
final class CorsPolicy {
    private static final Set<String> METHODS = Set.of("GET", "OPTIONS");
    private static final Set<String> HEADERS = Set.of("Content-Type", "Origin");
    private static final String EXPOSED = "Content-Type, X-Database";

    private final Set<String> origins;
    private final boolean anyOrigin;

    CorsPolicy(List<String> allowedOrigins) {
        this.origins =
                allowedOrigins.stream()
                        .map(o -> o.toLowerCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet());
        this.anyOrigin = origins.contains("*");
    }

    /** Before every request: answers preflights, and marks allowed cross-origin requests. */
    void apply(Context ctx) {
        String origin = ctx.header("Origin");
        if ("OPTIONS".equals(ctx.method().name())
                && notEmpty(ctx.header("Access-Control-Request-Method"))) {
            preflight(ctx, origin);
            ctx.status(HttpStatus.OK);
            ctx.skipRemainingHandlers();
            return;
        }
        ctx.res().addHeader("Vary", "Origin");
        if (notEmpty(origin) && allowed(origin) && METHODS.contains(ctx.method().name())) {
            ctx.header("Access-Control-Allow-Origin", anyOrigin ? "*" : origin);
            ctx.header("Access-Control-Expose-Headers", EXPOSED);
        }
    }

    private void preflight(Context ctx, String origin) {
        ctx.res().addHeader("Vary", "Origin");
        ctx.res().addHeader("Vary", "Access-Control-Request-Method");
        ctx.res().addHeader("Vary", "Access-Control-Request-Headers");
        String method = ctx.header("Access-Control-Request-Method").toUpperCase(Locale.ROOT);
        List<String> headers = headerList(ctx.header("Access-Control-Request-Headers"));
        if (!notEmpty(origin)
                || !allowed(origin)
                || !METHODS.contains(method)
                || !HEADERS.containsAll(headers)) {
            return;
        }
        ctx.header("Access-Control-Allow-Origin", anyOrigin ? "*" : origin);
        ctx.header("Access-Control-Allow-Methods", method);
        if (!headers.isEmpty()) {
            ctx.header("Access-Control-Allow-Headers", String.join(", ", headers));
        }
        ctx.header("Access-Control-Max-Age", "3600");
    }

    boolean allowed(String origin) {
        return anyOrigin || origins.contains(origin.toLowerCase(Locale.ROOT));
    }

    private static boolean notEmpty(String value) {
        return value != null && !value.isEmpty();
    }

    /** Header names as Go canonicalises them: {@code content-type} becomes {@code Content-Type}. */
    static List<String> headerList(String value) {
        List<String> names = new ArrayList<>();
        if (value == null) {
            return names;
        }
        for (String part : value.split(",")) {
            String name = part.strip();
            if (!name.isEmpty()) {
                names.add(canonical(name));
            }
        }
        return names;
    }

    private static String canonical(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toCharArray()) {
            out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return out.toString();
    }
}
