package com.xpowerbanq.api;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Comparator;

/** The routes that need no database: health, robots.txt and the description of the API. */
final class ServiceHandlers {
    static final String HEALTH = "{\"service\":\"XPower Banq API\",\"status\":\"ok\"}\n";
    static final String ROBOTS = "User-agent: *\nDisallow: /\n";
    static final String ROOT = describe();

    void health(Context ctx) {
        ctx.contentType("application/json");
        ctx.header("Cache-Control", "no-cache, no-store, must-revalidate");
        ctx.result(HEALTH);
    }

    void robots(Context ctx) {
        ctx.contentType("text/plain");
        ctx.result(ROBOTS);
    }

    void root(Context ctx) {
        ctx.contentType("application/json");
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.result(ROOT);
    }

    /** The original's description document; Go's encoder sorted the keys of its maps. */
    private static String describe() {
        StringBuilder out = new StringBuilder("{");
        field(
                out,
                "description",
                "Read-only API for XPower Banq utilization rates and price quotes");
        out.append(",\"endpoints\":{");
        Route[] routes = Route.values();
        Arrays.sort(routes, Comparator.comparing(Route::routeName));
        for (int i = 0; i < routes.length; i++) {
            Route route = routes[i];
            GoJson.string(out.append(i > 0 ? "," : ""), route.routeName()).append(":{");
            field(out, "description", route.description());
            field(out.append(','), "example", route.example());
            field(out.append(','), "params", "?lhs=YYYY-MM-DD&rhs=YYYY-MM-DD");
            field(out.append(','), "path", "/{dbName}/" + route.routeName() + ".json");
            out.append('}');
        }
        out.append("},");
        field(out, "license", "GPL-3.0");
        field(out.append(','), "license_url", "https://www.gnu.org/licenses/gpl-3.0.en.html");
        field(out.append(','), "source", "xpower-banq-cli");
        field(
                out.append(','),
                "source_url",
                "https://github.com/blackhan-software/xpower-banq-cli.git");
        field(out.append(','), "title", "XPower Banq Database API");
        return out.append("}\n").toString();
    }

    private static void field(StringBuilder out, String key, String value) {
        GoJson.string(GoJson.string(out, key).append(':'), value);
    }
}
