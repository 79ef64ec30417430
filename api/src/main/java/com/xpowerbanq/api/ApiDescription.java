package com.xpowerbanq.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import java.util.TreeMap;

/**
 * The original's description of the API at {@code GET /}. Its keys are sorted because Go's encoder
 * sorted the keys of the maps the original built it from.
 */
@JsonPropertyOrder(alphabetic = true)
record ApiDescription(
        String description,
        Map<String, Endpoint> endpoints,
        String license,
        @JsonProperty("license_url") String licenseUrl,
        String source,
        @JsonProperty("source_url") String sourceUrl,
        String title) {

    /** One data route. */
    @JsonPropertyOrder(alphabetic = true)
    record Endpoint(String description, String example, String params, String path) {}

    static ApiDescription of(Route... routes) {
        Map<String, Endpoint> endpoints = new TreeMap<>();
        for (Route route : routes) {
            endpoints.put(
                    route.routeName(),
                    new Endpoint(
                            route.description(),
                            route.example(),
                            "?lhs=YYYY-MM-DD&rhs=YYYY-MM-DD",
                            "/{dbName}/" + route.routeName() + ".json"));
        }
        return new ApiDescription(
                "Read-only API for XPower Banq utilization rates and price quotes",
                endpoints,
                "GPL-3.0",
                "https://www.gnu.org/licenses/gpl-3.0.en.html",
                "xpower-banq-cli",
                "https://github.com/blackhan-software/xpower-banq-cli.git",
                "XPower Banq Database API");
    }
}
