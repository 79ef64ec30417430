package com.xpowerbanq.chain.rpc;

import java.util.Set;
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

    /** JSON-RPC codes of a request the server cannot make sense of, and of a revert. */
    private static final Set<Integer> BAD_REQUEST_CODES = Set.of(-32700, -32600, -32601, -32602, 3);

    /** The JSON-RPC code of an error inside the server ("Internal error"). */
    private static final int INTERNAL_ERROR = -32603;

    /** Whatever the code: the request itself is wrong, or the contract said no. */
    private static final Pattern BAD_REQUEST_TEXT =
            Pattern.compile(
                    "(?i)(revert|invalid (argument|params|request|opcode|address|block|jump)"
                            + "|method not found|does not exist|not supported|unsupported"
                            + "|insufficient funds|nonce too|out of gas|gas required exceeds)");

    /**
     * A node that is behind, restarting or busy answers so; another node (or the same a little
     * later) answers the same request.
     */
    private static final Pattern SERVER_TEXT =
            Pattern.compile(
                    "(?i)(header not found|missing trie node|request timed out|timed out|timeout"
                            + "|internal (server )?error|temporarily unavailable"
                            + "|service unavailable|try again|busy|upstream|bad gateway"
                            + "|gateway timeout|connection (refused|reset|closed)|unknown block"
                            + "|not (yet )?synced|syncing|state (is )?not available)");

    /** An old block's state the endpoint does not keep (a pruned, non-archive node). */
    private static final Pattern MISSING_STATE =
            Pattern.compile("(?i)(missing trie node|state (is )?not available)");

    static RpcErrorKind ofJsonRpc(int code, String message) {
        if (code == 429 || RATE.matcher(message).find()) {
            return TRANSIENT;
        }
        if (RANGE_TEXT.matcher(message).find()) {
            return RANGE;
        }
        if (BAD_REQUEST_CODES.contains(code) || BAD_REQUEST_TEXT.matcher(message).find()) {
            return FATAL;
        }
        if (code == INTERNAL_ERROR || SERVER_TEXT.matcher(message).find()) {
            return TRANSIENT;
        }
        return FATAL;
    }

    static RpcErrorKind ofHttp(int status, String body) {
        if (status == 429 || status == 408 || status >= 500) {
            return RANGE_TEXT.matcher(body).find() && status != 429 ? RANGE : TRANSIENT;
        }
        return RANGE_TEXT.matcher(body).find() ? RANGE : FATAL;
    }

    /** Whether an error says the endpoint keeps no state of the block asked for. */
    static boolean missingState(String message) {
        return MISSING_STATE.matcher(message).find();
    }
}
