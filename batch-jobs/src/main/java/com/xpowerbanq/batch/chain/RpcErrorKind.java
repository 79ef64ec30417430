package com.xpowerbanq.batch.chain;

import java.util.regex.Pattern;

/** How an endpoint's refusal is handled, judged from its HTTP status, JSON-RPC code and text. */
enum RpcErrorKind {
    /** Try again later or elsewhere: rate limits, overload, server errors. */
    TRANSIENT,
    /** An eth_getLogs range the endpoint will not serve at once: split it. */
    RANGE,
    /** Retrying cannot help. */
    FATAL;

    private static final Pattern RATE =
            Pattern.compile(
                    "(?i)(rate.?limit|too many requests|capacity|try again later|overloaded)");
    private static final Pattern RANGE_TEXT =
            Pattern.compile(
                    "(?i)(block range|blocks range|range (is )?too (large|wide|big)|too many blocks"
                            + "|too many (results|logs)|more than \\d+ (results|logs)"
                            + "|response size|maximum (block )?range|ranges? over \\d+|exceed(s|ed)? (the )?max"
                            + "|range limit|limit exceeded|query timeout|result window is too large)");

    static RpcErrorKind ofJsonRpc(int code, String message) {
        if (code == 429 || RATE.matcher(message).find()) {
            return TRANSIENT;
        }
        if (RANGE_TEXT.matcher(message).find()) {
            return RANGE;
        }
        return FATAL;
    }

    static RpcErrorKind ofHttp(int status, String body) {
        if (status == 429 || status == 408 || status >= 500) {
            return RANGE_TEXT.matcher(body).find() && status != 429 ? RANGE : TRANSIENT;
        }
        return RANGE_TEXT.matcher(body).find() ? RANGE : FATAL;
    }
}
