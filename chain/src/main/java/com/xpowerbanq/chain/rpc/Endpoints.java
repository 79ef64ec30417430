package com.xpowerbanq.chain.rpc;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The endpoints of a {@code PROVIDER_URL}: comma-separated URLs, in failover order. */
public final class Endpoints {
    private Endpoints() {}

    /** The endpoints of a comma-separated list, blanks dropped; none for null. */
    public static List<String> split(@Nullable String urls) {
        if (urls == null) {
            return List.of();
        }
        return Arrays.stream(urls.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Whether {@code url} is one a JSON-RPC client can reach: http or https. */
    public static boolean isHttp(String url) {
        return url.startsWith("http://") || url.startsWith("https://");
    }
}
